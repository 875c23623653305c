package io.mingjing.platform.orgunit;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.csv.CsvRows;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports {@code code,name,level,parentCode} rows. The whole file is checked before anything is
 * written; one bad row rejects it with every row's problems, so a county is never half-imported.
 * Known codes are updated, new ones added, none deleted.
 */
@ApplicationScoped
public class OrgUnitImport {

    public static final List<String> HEADER = List.of("code", "name", "level", "parentCode");
    private static final Pattern CODE = Pattern.compile("^\\d{12}$");
    private static final int MAX_ERRORS = 50;

    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;

    public record Result(int rows, int created, int updated, String receipt) {
    }

    /** Checks the file as an import would, writing nothing. @return its rows after the header */
    @Transactional
    public List<List<String>> check(byte[] csv, String regionCode) {
        List<List<String>> rows = CsvRows.read(csv, HEADER);
        checked(rows, regionCode);
        return rows;
    }

    @Transactional
    public Result importCsv(byte[] csv, String regionCode, String actor) {
        List<OrgUnit> units = checked(CsvRows.read(csv, HEADER), regionCode);
        int created = 0;
        for (OrgUnit u : units) {
            OrgUnit existing = OrgUnit.findById(u.code);
            if (existing == null) {
                u.persist();
                created++;
            } else {
                existing.name = u.name;
                existing.level = u.level;
                existing.parentCode = u.parentCode;
            }
        }
        events.record("org-units.imported", "org-units", "county", Map.of("rows", units.size(), "created", created,
                "updated", units.size() - created));
        var entry = audit.receipt(actor, "org-units.imported", "OrgUnit", units.size() + " rows", csv);
        return new Result(units.size(), created, units.size() - created, entry.hash);
    }

    /** The rows as org units, or a 422 naming every row's problems. */
    private static List<OrgUnit> checked(List<List<String>> rows, String regionCode) {
        Map<String, OrgUnitLevel> levels = new HashMap<>();
        OrgUnit.<OrgUnit>streamAll().forEach(u -> levels.put(u.code, u.level));
        Map<String, String> errors = new LinkedHashMap<>();
        List<OrgUnit> units = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size() && errors.size() < MAX_ERRORS; i++) {
            OrgUnit u = check(rows.get(i), i, regionCode, levels, seen, errors);
            if (u != null) {
                units.add(u);
                levels.put(u.code, u.level);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The file was not imported: " + errors.size()
                    + " row(s) have errors. Nothing was changed.", errors);
        }
        return units;
    }

    private static OrgUnit check(List<String> row, int line, String regionCode, Map<String, OrgUnitLevel> levels,
            Map<String, Integer> seen, Map<String, String> errors) {
        String at = CsvRows.row(line);
        if (row.size() != HEADER.size()) {
            errors.put(at, "has " + row.size() + " fields; expected " + HEADER.size());
            return null;
        }
        String code = row.get(0), name = row.get(1), levelText = row.get(2), parent = row.get(3);
        OrgUnitLevel level = null;
        if (!CODE.matcher(code).matches() || !code.startsWith(regionCode)) {
            errors.put(at + ".code", "must be 12 digits starting with the county code " + regionCode);
        } else if (seen.putIfAbsent(code, line) != null) {
            errors.put(at + ".code", "repeats " + CsvRows.row(seen.get(code)));
        }
        if (name.isBlank() || name.length() > 100) {
            errors.put(at + ".name", "must be 1-100 characters");
        }
        try {
            level = OrgUnitLevel.valueOf(levelText);
        } catch (IllegalArgumentException e) {
            errors.put(at + ".level", "must be TOWN, VILLAGE or GRID");
        }
        if (level != null) {
            checkParent(level, parent, levels, at, errors);
        }
        if (errors.keySet().stream().anyMatch(k -> k.equals(at) || k.startsWith(at + "."))) {
            return null;
        }
        OrgUnit u = new OrgUnit();
        u.code = code;
        u.name = name;
        u.level = level;
        u.parentCode = parent.isEmpty() ? null : parent;
        return u;
    }

    private static void checkParent(OrgUnitLevel level, String parent, Map<String, OrgUnitLevel> levels, String at,
            Map<String, String> errors) {
        OrgUnitLevel wanted = level.parentLevel();
        if (wanted == null) {
            if (!parent.isEmpty()) {
                errors.put(at + ".parentCode", "must be empty for a TOWN");
            }
        } else if (levels.get(parent) != wanted) {
            errors.put(at + ".parentCode", "must be the code of a " + wanted + " on an earlier row or already"
                    + " imported");
        }
    }
}
