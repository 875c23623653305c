package io.mingjing.platform.resident;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.csv.CsvRows;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.identity.CountyRealms;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports {@code household,name,idCard,phone,registeredVillage,residenceVillage} rows into residents
 * and villager accounts (username = phone). The whole file is checked first; accounts are created
 * inside the transaction, so a failure rolls back every resident row, deletes the accounts this
 * import created, and a new import converges. A new villager's account has no password: the
 * answer lists a one-time activation code per new resident, printed by the village on the
 * household's card ({@link Activations}); only demo counties use the documented ID digits.
 */
@ApplicationScoped
public class ResidentImport {

    public static final List<String> HEADER = List.of("household", "name", "idCard", "phone", "registeredVillage",
            "residenceVillage");
    private static final Pattern PHONE = Pattern.compile("^1\\d{10}$");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    IdCards idCards;
    @Inject
    CountyRealms realms;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;
    @Inject
    Activations activations;

    public record Result(int rows, int created, int updated, String receipt, List<Activations.Code> activationCodes) {
    }

    private record Row(String household, String name, String idCard, String phone, String registered,
            String residence) {
    }

    /** Checks the file as an import would, writing nothing and creating no account. @return its rows after the header */
    @Transactional
    public List<List<String>> check(byte[] csv) {
        List<List<String>> rows = CsvRows.read(csv, HEADER);
        check(rows);
        return rows;
    }

    /** @param demo whether villagers get the documented demo password (last 6 of the ID) instead of a code */
    @Transactional
    public Result importCsv(String tenantId, byte[] csv, String actor, boolean demo) {
        List<Row> rows = check(CsvRows.read(csv, HEADER));
        int created = 0;
        List<Activations.Code> codes = new ArrayList<>();
        for (Row row : rows) {
            String hash = idCards.hash(row.idCard());
            Resident r = Resident.find("idCardHash", hash).firstResult();
            if (r == null) {
                r = new Resident();
                r.idCardHash = hash;
                r.idCardEncrypted = idCards.encrypt(row.idCard());
                r.idCardMasked = IdCards.mask(row.idCard());
                r.createdAt = Instant.now();
                created++;
            }
            r.birthDate = IdCards.birthDate(row.idCard(), LocalDate.now(CHINA));
            r.householdId = household(row.household(), row.registered()).id;
            r.name = row.name();
            r.phone = row.phone();
            r.registeredVillage = row.registered();
            r.residenceVillage = row.residence();
            boolean isNew = r.userId == null;
            r.userId = realms.ensureUser(tenantId, row.phone(), null, row.name(), Role.VILLAGER, row.registered(),
                    row.phone(), demo ? row.idCard().substring(12) : null, false);
            r.persist();
            if (isNew && !demo) {
                codes.add(activations.issue(r, row.household()));
            }
        }
        // counts only: who was imported is personal data
        events.record("residents.imported", "residents", "county", Map.of("rows", rows.size(), "created", created,
                "updated", rows.size() - created));
        var entry = audit.receipt(actor, "residents.imported", "Resident", rows.size() + " rows", csv);
        return new Result(rows.size(), created, rows.size() - created, entry.hash, codes);
    }

    private static Household household(String code, String village) {
        Household h = Household.find("code", code).firstResult();
        if (h == null) {
            h = new Household();
            h.code = code;
            h.villageCode = village;
            h.persist();
        }
        return h;
    }

    private List<Row> check(List<List<String>> lines) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> phones = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size() && errors.size() < 50; i++) {
            List<String> f = lines.get(i);
            String at = CsvRows.row(i);
            if (f.size() != HEADER.size()) {
                errors.put(at, "has " + f.size() + " fields; expected " + HEADER.size());
                continue;
            }
            Row row = new Row(f.get(0), f.get(1), f.get(2).toUpperCase(), f.get(3), f.get(4),
                    f.get(5).isEmpty() ? null : f.get(5));
            if (row.household().isBlank() || row.household().length() > 40) {
                errors.put(at + ".household", "must be 1-40 characters");
            }
            if (row.name().isBlank() || row.name().length() > 50) {
                errors.put(at + ".name", "must be 1-50 characters");
            } else if (Text.nameProblem(row.name()) != null) {
                errors.put(at + ".name", Text.nameProblem(row.name()));
            }
            String idProblem = IdCards.problem(row.idCard());
            if (idProblem != null) {
                errors.put(at + ".idCard", idProblem);
            } else if (ids.putIfAbsent(row.idCard(), i) != null) {
                errors.put(at + ".idCard", "repeats " + CsvRows.row(ids.get(row.idCard())));
            }
            if (!PHONE.matcher(row.phone()).matches()) {
                errors.put(at + ".phone", "must be an 11-digit mobile number");
            } else if (phones.putIfAbsent(row.phone(), i) != null) {
                errors.put(at + ".phone", "repeats " + CsvRows.row(phones.get(row.phone())));
            } else if (idProblem == null && phoneTakenByAnother(row)) {
                errors.put(at + ".phone", "belongs to another resident");
            }
            checkVillage(row.registered(), at + ".registeredVillage", errors);
            if (row.residence() != null) {
                checkVillage(row.residence(), at + ".residenceVillage", errors);
            }
            rows.add(row);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The file was not imported: " + errors.size()
                    + " problem(s). Nothing was changed.", errors);
        }
        return rows;
    }

    private boolean phoneTakenByAnother(Row row) {
        Resident owner = Resident.find("phone", row.phone()).firstResult();
        return owner != null && !owner.idCardHash.equals(idCards.hash(row.idCard()));
    }

    private static void checkVillage(String code, String field, Map<String, String> errors) {
        OrgUnit unit = code == null ? null : OrgUnit.findById(code);
        if (unit == null || unit.level != OrgUnitLevel.VILLAGE) {
            errors.put(field, "must be the code of a village of this county");
        }
    }
}
