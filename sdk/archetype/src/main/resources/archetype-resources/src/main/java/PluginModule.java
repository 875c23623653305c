package ${package};

import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.MenuEntry;
import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Route;
import io.mingjing.sdk.Setting;
import java.util.Map;
import org.pf4j.Extension;

/** ${moduleName}: the module's whole contract with the platform. */
@Extension
public class PluginModule implements Module {

    /** Keep equal to the pom's version: the platform refuses a jar whose manifest says otherwise. */
    static final String VERSION = "${version}";

    @Override
    public ModuleManifest manifest() {
        return ModuleManifest.of("${moduleId}", VERSION, new Names("${moduleName}", "${moduleId}"), "${moduleName}",
                Setting.text("greeting", "乡亲们好", 50),
                new Changelog("db/${moduleId}.xml"),
                new MenuEntry(new Names("${moduleName}", "${moduleId}"), "/", Roles.ANYONE),
                Route.get("/notes", Roles.ANYONE, (ctx, req) -> Reply.json(ctx.sql().query(
                        "SELECT id, text FROM ${moduleId.replace('-', '_')}_note ORDER BY id"))),
                Route.post("/notes", Roles.LOGGED_IN, (ctx, req) -> {
                    Object text = req.jsonObject().get("text");
                    if (!(text instanceof String s) || s.isBlank() || s.length() > 200) {
                        return Reply.invalid("A note needs text.", Map.of("text", "1 to 200 characters"));
                    }
                    var row = ctx.sql().one("INSERT INTO ${moduleId.replace('-', '_')}_note(text) VALUES (?) "
                            + "RETURNING id, text", s).orElseThrow();
                    ctx.audit("note.created", "Note", row.get("id").toString(), s);
                    return Reply.created(row);
                }),
                Route.page("/", Roles.ANYONE, (ctx, req) -> Reply.page("index", Map.of("notes", ctx.sql().query(
                        "SELECT text FROM ${moduleId.replace('-', '_')}_note ORDER BY id")))));
    }
}
