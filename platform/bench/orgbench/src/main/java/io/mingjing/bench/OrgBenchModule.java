package io.mingjing.bench;

import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Route;
import org.pf4j.Extension;

/** The same query as the built-in GET /api/t/{county}/org-units, served through the plugin runtime. */
@Extension
public class OrgBenchModule implements Module {

    @Override
    public ModuleManifest manifest() {
        return ModuleManifest.of("orgbench", "1.0.0", new Names("基准", "Benchmark"), "Benchmark module.",
                Route.get("/org-units", Roles.ANYONE, (ctx, req) -> Reply.json(ctx.sql().query(
                        "SELECT code, name, level, parent_code AS \"parentCode\" FROM org_unit ORDER BY code"))));
    }
}
