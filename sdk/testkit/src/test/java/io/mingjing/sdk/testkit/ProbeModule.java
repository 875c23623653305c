package io.mingjing.sdk.testkit;

import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.Job;
import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Route;
import java.util.Map;

/** A module whose routes try what a module may and may not do with the county's data. */
public class ProbeModule implements Module {

    @Override
    public ModuleManifest manifest() {
        return ModuleManifest.of("probe", "1.0.0", new Names("探针", "Probe"), "Tries the data boundary.",
                new Changelog("db/probe.xml"),
                Route.post("/notes", Roles.ANYONE, (ctx, req) -> Reply.created(ctx.sql().one(
                        "INSERT INTO probe_note (village_code, text) VALUES (?, ?) RETURNING id",
                        req.jsonObject().get("village"), req.jsonObject().get("text")).orElseThrow())),
                Route.get("/notes", Roles.ANYONE, (ctx, req) -> Reply.json(ctx.sql().query(
                        "SELECT n.text, u.name AS village FROM probe_note n LEFT JOIN v_org_unit u "
                                + "ON u.code = n.village_code ORDER BY n.id"))),
                Route.get("/residents", Roles.ANYONE, (ctx, req) -> Reply.json(ctx.sql().query(
                        "SELECT * FROM resident"))),
                Route.post("/villages", Roles.ANYONE, (ctx, req) -> Reply.created(Map.of("count", ctx.sql().update(
                        "INSERT INTO v_org_unit (code, name, level) VALUES ('330782199999', '假村', 'VILLAGE')")))),
                Job.cron("staff", "0 0 3 * * ?", ctx -> ctx.sql().query("SELECT * FROM staff")));
    }
}
