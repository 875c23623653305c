package io.mingjing.platform.plugin;

import io.mingjing.platform.plugin.fixtures.EchoModule;

/** The echo test plugin in its versions (its "sms" channel records every delivery in echo_sent). */
public final class EchoJars {

    private EchoJars() {
    }

    static final String V1 = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
              <changeSet id="1" author="test">
                <createTable tableName="echo_note">
                  <column name="id" type="bigserial"><constraints primaryKey="true"/></column>
                  <column name="text" type="text"><constraints nullable="false"/></column>
                </createTable>
                <createTable tableName="echo_event">
                  <column name="type" type="text"/>
                  <column name="entity_id" type="text"/>
                </createTable>
                <createTable tableName="echo_tick">
                  <column name="id" type="bigserial"/>
                </createTable>
                <createTable tableName="echo_sent">
                  <column name="message_id" type="bigint"/>
                  <column name="recipient" type="text"/>
                  <column name="phone" type="text"/>
                  <column name="text" type="text"/>
                  <column name="link" type="text"/>
                </createTable>
              </changeSet>
            %s
            </databaseChangeLog>
            """;

    static final String ADD_EXTRA = """
              <changeSet id="2" author="test">
                <createTable tableName="echo_extra"><column name="id" type="int"/></createTable>
              </changeSet>
            """;

    static final String UNPREFIXED = """
              <changeSet id="3" author="test">
                <sql>CREATE TABLE sneaky (id int)</sql>
              </changeSet>
            """;

    static final String BROKEN = """
              <changeSet id="3" author="test">
                <sql>CREATE TABLE echo_broken (id int REFERENCES nowhere(id))</sql>
              </changeSet>
            """;

    public static byte[] echo(String version, String... extraChangeSets) {
        return jar(version).build(extraChangeSets);
    }

    static Builder jar(String version) {
        return new Builder(TestJars.plugin("echo", version), version);
    }

    record Builder(TestJars jar, String version) {
        byte[] build(String... extraChangeSets) {
            return jar.module(EchoModule.class).text("echo/version.txt", version)
                    .text("db/echo.xml", V1.formatted(String.join("\n", extraChangeSets)))
                    .text("web/templates/hello.html", "<h1>{name}</h1><form method=\"post\" action=\"{base}/notes\">"
                            + "<input type=\"hidden\" name=\"_csrf\" value=\"{csrf}\"><button>{settings.greeting}</button></form>")
                    .text("web/static/echo.css", "h1 { color: #0b5d73; }").build();
        }
    }
}
