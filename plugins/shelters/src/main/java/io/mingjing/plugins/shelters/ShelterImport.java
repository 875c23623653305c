package io.mingjing.plugins.shelters;

import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.TenantContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CSV import, all or nothing: {@code name,address,village,lat,lon,capacity,facilities,open,phone}
 * (header required, UTF-8, facilities separated by 、 or ;). A shelter with a known name is updated.
 * Any bad row rejects the file with row-numbered errors.
 */
final class ShelterImport {

    static final List<String> HEADER = List.of("name", "address", "village", "lat", "lon", "capacity", "facilities",
            "open", "phone");
    static final int MAX_ROWS = 5000;

    Reply importCsv(TenantContext ctx, Request req) throws SQLException {
        List<List<String>> rows = Csv.parse(req.bodyText().replace("\uFEFF", ""));
        if (rows.isEmpty() || !rows.get(0).stream().map(String::strip).toList().equals(HEADER)) {
            return Reply.badRequest("The first line must be the header " + String.join(",", HEADER) + ".",
                    Map.of("header", "expected " + String.join(",", HEADER)));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            return Reply.badRequest("At most " + MAX_ROWS + " shelters per file.", Map.of("file", "too many rows"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<ShelterInput> inputs = read(rows, ctx.settings().list("facilities"), errors);
        if (!errors.isEmpty()) {
            return Reply.invalid("The file was not imported; fix these rows.", errors);
        }
        int created = 0;
        for (ShelterInput in : inputs) {
            Optional<Map<String, Object>> existing = ctx.sql().one("SELECT id FROM shelters_shelter WHERE name = ?",
                    in.name());
            Shelters.save(ctx, existing.map(r -> ((Number) r.get("id")).longValue()).orElse(null), in);
            created += existing.isEmpty() ? 1 : 0;
        }
        ctx.audit("shelters.imported", "Shelter", null, req.bodyText());
        return Reply.json(Map.of("created", created, "updated", inputs.size() - created));
    }

    private static List<ShelterInput> read(List<List<String>> rows, List<String> facilities,
            Map<String, String> errors) {
        List<ShelterInput> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            int line = i + 1;
            if (cells.size() != HEADER.size()) {
                errors.put("row " + line, "has " + cells.size() + " fields, expected " + HEADER.size());
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < HEADER.size(); c++) {
                fields.put(HEADER.get(c), cells.get(c));
            }
            ShelterInput in = ShelterInput.from(fields);
            in.errors(facilities).forEach((field, problem) -> errors.put("row " + line + "." + field, problem));
            if (in.name() != null && !names.add(in.name())) {
                errors.put("row " + line + ".name", "repeats an earlier row");
            }
            inputs.add(in);
        }
        return inputs;
    }
}
