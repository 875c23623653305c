package io.mingjing.plugins.shelters;

import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.MenuEntry;
import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.RoleUse;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Route;
import io.mingjing.sdk.Setting;
import java.util.List;
import org.pf4j.Extension;

/** 避灾安置场所: shelters on a map, the nearest open ones, and a tap to navigate there. */
@Extension
public class SheltersModule implements Module {

    static final String ID = "shelters";
    static final String VERSION = "1.0.0";

    @Override
    public ModuleManifest manifest() {
        Shelters shelters = new Shelters();
        ShelterImport csv = new ShelterImport();
        ShelterPages pages = new ShelterPages();
        return ModuleManifest.of(ID, VERSION, new Names("避灾安置场所", "Disaster shelters"),
                "避灾安置场所地图：容量、设施、开放状态，查找最近的开放场所并一键导航。",
                Setting.textList("facilities", List.of("饮用水", "食品", "床铺", "医疗点", "厕所", "照明", "发电机",
                        "无障碍")),
                Setting.text("center", "27.9939,120.6536", 40),
                Setting.number("zoom", 12, 3, 18),
                // no tile server by default: each county chooses one (天地图, its own) and names its attribution
                Setting.text("tiles", "", 300),
                Setting.text("attribution", "", 200),
                new Changelog("db/shelters.xml"),
                new RoleUse(Roles.TENANT_ADMIN, "维护安置场所、导入 CSV、开放或关闭场所"),
                new MenuEntry(new Names("避灾安置", "Shelters"), "/", Roles.ANYONE),
                Route.get("/shelters", Roles.ANYONE, shelters::list),
                Route.get("/shelters.geojson", Roles.ANYONE, shelters::geoJson),
                Route.get("/shelters/nearest", Roles.ANYONE, shelters::nearest),
                Route.get("/shelters/{id}", Roles.ANYONE, shelters::one),
                Route.post("/shelters", Roles.TENANT_ADMIN, shelters::create),
                Route.put("/shelters/{id}", Roles.TENANT_ADMIN, shelters::update),
                Route.delete("/shelters/{id}", Roles.TENANT_ADMIN, shelters::delete),
                Route.post("/shelters/import", Roles.TENANT_ADMIN, csv::importCsv),
                Route.page("/", Roles.ANYONE, pages::map));
    }
}
