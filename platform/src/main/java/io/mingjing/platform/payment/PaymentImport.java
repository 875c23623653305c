package io.mingjing.platform.payment;

import io.mingjing.platform.audit.AuditRecord;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.csv.CsvRows;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.IdCards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.hibernate.Session;

/**
 * Imports a department's payment list — {@code programme,idCard,name,amount,date,department}, as CSV
 * or as the first sheet of an .xlsx workbook — into residents' payments. The whole file is checked
 * first (format, known resident with that name, amount, duplicates in the file and against earlier
 * imports); any problem rejects it with row numbers and nothing is written. Rows are written with set
 * statements (unnest), so 50,000 rows take seconds.
 */
@ApplicationScoped
public class PaymentImport {

    public static final List<String> HEADER = List.of("programme", "idCard", "name", "amount", "date", "department");
    private static final int MAX_ERRORS = 100;
    private static final int CHUNK = 5_000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("yyyy-M-d");

    public record Result(long batch, int rows, BigDecimal total, String receipt) {
    }

    private record Line(int index, String programme, String idCard, String name, BigDecimal amount, LocalDate date,
            String department) {
    }

    private record Found(long id, String name, String village) {
    }

    @Inject
    IdCards idCards;
    @Inject
    AuditLog audit;
    @Inject
    DomainEvents events;
    @Inject
    EntityManager em;

    /** True when the bytes are a zip container (an .xlsx workbook) rather than text. */
    public static boolean isXlsx(byte[] file) {
        return file != null && file.length > 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /** Checks the file (CSV or .xlsx) as an import would, writing nothing. @return its rows after the header */
    @Transactional
    public List<List<String>> check(byte[] file) {
        List<List<String>> rows = rows(file);
        checked(rows);
        return rows;
    }

    @Transactional
    public Result importFile(byte[] file, String filename, String actor) {
        Checked c = checked(rows(file));
        List<Line> lines = c.lines();
        Map<Integer, Found> residents = c.residents();
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        PaymentBatch batch = new PaymentBatch();
        batch.filename = filename == null || filename.isBlank() ? null
                : filename.substring(0, Math.min(200, filename.length()));
        batch.rows = lines.size();
        batch.total = total;
        batch.actor = actor;
        batch.importedAt = Instant.now();
        batch.persist();
        em.flush();
        write(lines, residents, batch.id);
        events.record("payments.imported", "payment-batch", batch.id.toString(), Map.of("batchId", batch.id,
                "rows", lines.size(), "total", total.toPlainString()));
        AuditRecord entry = audit.receipt(actor, "payments.imported", "PaymentBatch", batch.id.toString(), file);
        batch.auditHash = entry.hash;
        return new Result(batch.id, lines.size(), total, entry.hash);
    }

    private record Checked(List<Line> lines, Map<Integer, Found> residents) {
    }

    private List<List<String>> rows(byte[] file) {
        List<List<String>> rows = isXlsx(file) ? readXlsx(file) : CsvRows.read(file, HEADER);
        if (rows.stream().allMatch(r -> r.stream().allMatch(String::isBlank))) {
            throw ProblemException.invalid(422, "The file has no payment rows.", Map.of("file", "has no rows"));
        }
        return rows;
    }

    /** The rows as payment lines of known residents, or a 422 naming the problems. */
    private Checked checked(List<List<String>> rows) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Line> lines = parse(rows, errors);
        Map<Integer, Found> residents = resolve(lines, errors);
        List<Line> ok = lines.stream().filter(l -> residents.containsKey(l.index())).toList();
        duplicates(ok, residents, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The file was not imported: " + (errors.size() >= MAX_ERRORS
                    ? "at least " : "") + errors.size() + " problem(s). Nothing was changed.", errors);
        }
        return new Checked(lines, residents);
    }

    private List<Line> parse(List<List<String>> rows, Map<String, String> errors) {
        List<Line> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            List<String> f = rows.get(i);
            String at = CsvRows.row(i);
            if (f.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (f.size() != HEADER.size()) {
                errors.put(at, "has " + f.size() + " fields; expected " + HEADER.size());
                continue;
            }
            int before = errors.size();
            String programme = f.get(0).strip();
            if (programme.isEmpty() || programme.length() > 100) {
                errors.put(at + ".programme", "must be 1-100 characters");
            }
            String idCard = f.get(1).strip().toUpperCase();
            String idProblem = IdCards.problem(idCard);
            if (idProblem != null) {
                errors.put(at + ".idCard", idProblem);
            }
            String name = f.get(2).strip();
            if (name.isEmpty() || name.length() > 50) {
                errors.put(at + ".name", "must be 1-50 characters");
            }
            BigDecimal amount = amount(f.get(3).strip());
            if (amount == null) {
                errors.put(at + ".amount", "must be a positive amount in yuan with at most 2 decimals");
            }
            LocalDate date = date(f.get(4).strip());
            if (date == null) {
                errors.put(at + ".date", "must be a date like 2024-03-15");
            }
            String department = f.get(5).strip();
            if (department.isEmpty() || department.length() > 100) {
                errors.put(at + ".department", "must be 1-100 characters");
            }
            if (errors.size() == before) {
                lines.add(new Line(i, programme, idCard, name, amount, date, department));
            }
        }
        return lines;
    }

    static BigDecimal amount(String text) {
        try {
            BigDecimal a = new BigDecimal(text.replace(",", "").replace("¥", "").replace("￥", ""));
            if (a.signum() <= 0 || a.compareTo(MAX_AMOUNT) >= 0) {
                return null;
            }
            a = a.stripTrailingZeros();
            return a.scale() > 2 ? null : a.setScale(2);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(String text) {
        for (DateTimeFormatter f : new DateTimeFormatter[] { DateTimeFormatter.ISO_LOCAL_DATE, DASHED, SLASHED }) {
            try {
                LocalDate d = LocalDate.parse(text, f);
                return d.getYear() < 1990 || d.getYear() > 2200 ? null : d;
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    /** Finds each row's resident by the keyed hash of the ID number, in chunks. */
    private Map<Integer, Found> resolve(List<Line> lines, Map<String, String> errors) {
        Map<String, List<Line>> byHash = new LinkedHashMap<>();
        for (Line l : lines) {
            byHash.computeIfAbsent(idCards.hash(l.idCard()), k -> new ArrayList<>()).add(l);
        }
        Map<String, Found> found = new HashMap<>();
        List<String> hashes = new ArrayList<>(byHash.keySet());
        work(conn -> {
            for (int from = 0; from < hashes.size(); from += CHUNK) {
                List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
                try (PreparedStatement st = conn.prepareStatement("SELECT id_card_hash, id, name, registered_village"
                        + " FROM resident WHERE id_card_hash = ANY (CAST(? AS text[]))")) {
                    st.setArray(1, conn.createArrayOf("text", chunk.toArray()));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1).strip(), new Found(rs.getLong(2), rs.getString(3),
                                    rs.getString(4)));
                        }
                    }
                }
            }
        });
        Map<Integer, Found> result = new HashMap<>();
        for (var e : byHash.entrySet()) {
            Found r = found.get(e.getKey());
            for (Line l : e.getValue()) {
                String at = CsvRows.row(l.index());
                if (r == null) {
                    put(errors, at + ".idCard", "is not a resident of this county");
                } else if (!r.name().equals(l.name())) {
                    put(errors, at + ".name", "does not match the resident with this ID number");
                } else {
                    result.put(l.index(), r);
                }
            }
        }
        return result;
    }

    private void duplicates(List<Line> lines, Map<Integer, Found> residents, Map<String, String> errors) {
        Map<String, Integer> seen = new HashMap<>();
        for (Line l : lines) {
            Integer first = seen.putIfAbsent(residents.get(l.index()).id() + "|" + l.programme() + "|" + l.date(),
                    l.index());
            if (first != null) {
                put(errors, CsvRows.row(l.index()), "repeats " + CsvRows.row(first)
                        + " (same resident, programme and date)");
            }
        }
        work(conn -> {
            for (int from = 0; from < lines.size(); from += CHUNK) {
                List<Line> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
                try (PreparedStatement st = conn.prepareStatement("SELECT t.i FROM unnest(CAST(? AS bigint[]),"
                        + " CAST(? AS text[]), CAST(? AS date[]), CAST(? AS int[])) AS t(r, p, d, i)"
                        + " JOIN benefit_payment b ON b.resident_id = t.r AND b.programme = t.p AND b.paid_on = t.d")) {
                    st.setArray(1, texts(conn, chunk, l -> Long.toString(residents.get(l.index()).id())));
                    st.setArray(2, texts(conn, chunk, Line::programme));
                    st.setArray(3, texts(conn, chunk, l -> l.date().toString()));
                    st.setArray(4, texts(conn, chunk, l -> Integer.toString(l.index())));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            put(errors, CsvRows.row(rs.getInt(1)), "was already imported (same resident, programme"
                                    + " and date)");
                        }
                    }
                }
            }
        });
    }

    private void write(List<Line> lines, Map<Integer, Found> residents, long batch) {
        work(conn -> {
            try (PreparedStatement st = conn.prepareStatement("INSERT INTO programme (name) SELECT DISTINCT p FROM"
                    + " unnest(CAST(? AS text[])) AS p ON CONFLICT (name) DO NOTHING")) {
                st.setArray(1, conn.createArrayOf("text", new LinkedHashSet<>(lines.stream().map(Line::programme)
                        .toList()).toArray()));
                st.executeUpdate();
            }
            for (int from = 0; from < lines.size(); from += CHUNK) {
                List<Line> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
                try (PreparedStatement st = conn.prepareStatement("INSERT INTO benefit_payment (resident_id,"
                        + " village_code, programme, amount, paid_on, department, batch_id) SELECT r, v, p, a, d, dep, ?"
                        + " FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),"
                        + " CAST(? AS numeric[]), CAST(? AS date[]), CAST(? AS text[])) AS t(r, v, p, a, d, dep)")) {
                    st.setLong(1, batch);
                    st.setArray(2, texts(conn, chunk, l -> Long.toString(residents.get(l.index()).id())));
                    st.setArray(3, texts(conn, chunk, l -> residents.get(l.index()).village()));
                    st.setArray(4, texts(conn, chunk, Line::programme));
                    st.setArray(5, texts(conn, chunk, l -> l.amount().toPlainString()));
                    st.setArray(6, texts(conn, chunk, l -> l.date().toString()));
                    st.setArray(7, texts(conn, chunk, Line::department));
                    st.executeUpdate();
                }
            }
        });
    }

    private static Array texts(Connection conn, List<Line> chunk, java.util.function.Function<Line, String> f)
            throws SQLException {
        return conn.createArrayOf("text", chunk.stream().map(f).toArray());
    }

    private static void put(Map<String, String> errors, String key, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.putIfAbsent(key, message);
        }
    }

    private interface SqlWork {
        void run(Connection conn) throws SQLException;
    }

    private void work(SqlWork work) {
        em.unwrap(Session.class).doWork(work::run);
    }

    /** The first sheet as text rows after the header; the header must match. Dates may be real date cells. */
    static List<List<String>> readXlsx(byte[] file) {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getFirstSheet();
            try (var stream = sheet.openStream()) {
                int expected = 1;
                for (Row row : (Iterable<Row>) stream::iterator) {
                    // blank rows are absent from the sheet: keep row numbers as Excel shows them
                    while (expected < row.getRowNum()) {
                        if (expected > 1) {
                            rows.add(List.of(""));
                        }
                        expected++;
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(row.getCellCount(), HEADER.size()); c++) {
                        cells.add(text(row.getCell(c), c));
                    }
                    while (cells.size() > HEADER.size() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    rows.add(cells);
                    expected = row.getRowNum() + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(400, "The file is not a readable .xlsx workbook.",
                    Map.of("file", "not an .xlsx workbook"));
        }
        if (rows.isEmpty() || !HEADER.equals(rows.get(0).stream().map(String::strip).toList())) {
            throw ProblemException.invalid(400, "The first row must be: " + String.join(",", HEADER),
                    Map.of("row 1", "expected header " + String.join(",", HEADER)));
        }
        return rows.subList(1, rows.size());
    }

    private static String text(Cell cell, int column) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (column == 4) {
                return cell.asDate().toLocalDate().toString();
            }
            BigDecimal n = cell.asNumber();
            return n.scale() > 0 ? n.stripTrailingZeros().toPlainString() : n.toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText().strip();
    }
}
