package io.mingjing.platform.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A fresh county for the transparency tests (F4): two towns, villages X and Y in the first, Z in the
 * second; villagers of X (phones prefix+001, +002) and Y (+003); a cadre of X and of Y, a town
 * official of X's town and one of the other town, department staff. Tokens are refreshed before
 * Keycloak's five-minute lifespan runs out.
 */
public final class TransparencyCounty {

    public final String id;
    public final String phonePrefix;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Long> fetched = new HashMap<>();

    public TransparencyCounty(String prefix, String phonePrefix) {
        this.id = Counties.onboard(prefix);
        this.phonePrefix = phonePrefix;
        String admin = Tokens.countyAdmin(id);
        People.orgUnits(id, admin);
        People.villagers(id, admin, phonePrefix);
        People.staff(id, admin, "cadrex", "cadre", People.VILLAGE_X);
        People.staff(id, admin, "cadrey", "cadre", People.VILLAGE_Y);
        People.staff(id, admin, "townx", "town-official", People.TOWN);
        People.staff(id, admin, "townz", "town-official", People.OTHER_TOWN);
        People.staff(id, admin, "dept", "department-staff", null);
    }

    public synchronized String token(String username) {
        Long at = fetched.get(username);
        if (at == null || System.currentTimeMillis() - at > 200_000) {
            tokens.put(username, username.equals("admin") ? Tokens.countyAdmin(id) : Tokens.user(id, username));
            fetched.put(username, System.currentTimeMillis());
        }
        return tokens.get(username);
    }

    /** Villager of village X. */
    public String villagerX() {
        return token(phonePrefix + "001");
    }

    /** Villager of village Y. */
    public String villagerY() {
        return token(phonePrefix + "003");
    }

    public String api() {
        return "/api/t/" + id;
    }
}
