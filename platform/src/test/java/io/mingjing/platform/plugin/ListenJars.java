package io.mingjing.platform.plugin;

import io.mingjing.platform.plugin.fixtures.ListenModule;

/** The listening test plugin. */
public final class ListenJars {

    private ListenJars() {
    }

    private static final String CHANGELOG = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
              <changeSet id="1" author="test">
                <createTable tableName="listen_seen">
                  <column name="seq" type="bigserial"><constraints primaryKey="true"/></column>
                  <column name="event_id" type="text"><constraints nullable="false" unique="true"/></column>
                  <column name="type" type="text"/>
                  <column name="entity_id" type="text"/>
                  <column name="source" type="text"/>
                  <column name="version" type="int"/>
                  <column name="data" type="text"/>
                  <column name="at" type="timestamptz"/>
                  <column name="received_at" type="timestamptz" defaultValueComputed="clock_timestamp()"/>
                </createTable>
                <createTable tableName="listen_received">
                  <column name="event_id" type="text"/>
                  <column name="type" type="text"/>
                </createTable>
              </changeSet>
              <changeSet id="2" author="test">
                <sql>ALTER TABLE listen_received ADD COLUMN seq bigserial, ADD COLUMN entity_id text,
                     ADD COLUMN pid bigint</sql>
              </changeSet>
            </databaseChangeLog>
            """;

    public static byte[] listen() {
        return TestJars.plugin("listen", "1.0.0").module(ListenModule.class).text("db/listen.xml", CHANGELOG).build();
    }
}
