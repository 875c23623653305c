package io.mingjing.platform.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.testing.Counties;
import io.mingjing.platform.testing.DevStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Isolation is enforced by PostgreSQL, not only by code: a county's role cannot touch another's schema. */
@QuarkusTest
@QuarkusTestResource(DevStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationTest {

    @Inject
    TenantScope scope;
    @Inject
    EntityManager em;
    @Inject
    TenantRegistry registry;

    String a;
    String b;

    @BeforeEach
    void twoCounties() {
        if (a != null) {
            return;
        }
        a = Counties.onboard("iso-a");
        b = Counties.onboard("iso-b");
        scope.run(b, () -> {
            OrgUnit town = new OrgUnit();
            town.code = "330782100000";
            town.name = "乙镇";
            town.level = io.mingjing.platform.orgunit.OrgUnitLevel.TOWN;
            town.persist();
        });
    }

    @Test
    void sqlNamingAnotherCountysSchemaIsDenied() {
        String other = TenantIds.schema(b);
        var e = assertThrows(PersistenceException.class, () -> scope.run(a,
                () -> em.createNativeQuery("SELECT count(*) FROM " + other + ".org_unit").getSingleResult()));
        assertTrue(rootMessage(e).contains("permission denied"), rootMessage(e));
    }

    @Test
    void writingIntoAnotherCountyIsDenied() {
        String other = TenantIds.schema(b);
        var e = assertThrows(PersistenceException.class, () -> scope.run(a, () -> em.createNativeQuery(
                "INSERT INTO " + other + ".org_unit(code, name, level) VALUES ('330782999000', 'x', 'TOWN')")
                .executeUpdate()));
        assertTrue(rootMessage(e).contains("permission denied"), rootMessage(e));
    }

    @Test
    void theRegistryIsOutOfReachOfACounty() {
        var e = assertThrows(PersistenceException.class, () -> scope.run(a,
                () -> em.createNativeQuery("SELECT count(*) FROM platform.tenant").getSingleResult()));
        assertTrue(rootMessage(e).contains("permission denied"), rootMessage(e));
    }

    @Test
    void eachCountySeesOnlyItsOwnRows() {
        assertEquals(0L, (long) scope.call(a, () -> OrgUnit.count()));
        assertEquals(1L, (long) scope.call(b, () -> OrgUnit.count()));
        given().get("/api/t/" + a + "/org-units").then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/t/" + b + "/org-units").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void pooledConnectionsCarryNoCountyStateBetweenScopes() {
        for (int i = 0; i < 30; i++) {
            assertEquals(1L, (long) scope.call(b, () -> OrgUnit.count()));
            assertEquals(0L, (long) scope.call(a, () -> OrgUnit.count()));
        }
        Object role = scope.call(a, () -> em.createNativeQuery("SELECT current_user").getSingleResult());
        assertEquals(TenantIds.role(a), role);
    }

    @Test
    void aCountyBeingMigratedAnswers503WithRetryAfter() {
        registry.migrating(a, true);
        try {
            given().get("/api/t/" + a + "/org-units").then().statusCode(503).header("Retry-After", equalTo("5"))
                    .contentType("application/problem+json");
        } finally {
            registry.migrating(a, false);
        }
        given().get("/api/t/" + a + "/org-units").then().statusCode(200);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
