package io.mingjing.platform.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditRecord;
import io.mingjing.platform.file.FileKind;
import io.mingjing.platform.file.FileKinds;
import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.disclosure.Disclosure.Category;
import io.mingjing.platform.disclosure.Disclosure.Line;
import io.mingjing.platform.disclosure.Disclosure.Status;
import io.mingjing.platform.disclosure.Disclosure.Visibility;
import io.mingjing.platform.event.DomainEvents;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life of a disclosure: draft → submitted → published (or returned with a reason, edited and
 * submitted again). A published version is never edited: a correction is a new version of the same
 * series, reviewed like the first, and publishing it marks the old one as superseded. Every step is
 * an audit entry; the publication's entry hash is kept on the row as its public receipt.
 *
 * <p>Access decisions are the resources' (through {@code CurrentCaller}); this service only writes.
 */
@ApplicationScoped
public class DisclosureService {

    public static final int PAGE_SIZE = 20;
    private static final Set<String> KINDS = Set.of("INCOME", "EXPENSE");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What a cadre writes. */
    public record Draft(String category, String title, String period, String body, List<Line> lines,
            String visibility) {
    }

    /** One row of a village's feed. */
    public record FeedItem(long id, String category, String title, String period, String visibility,
            Instant publishedAt, int version) {
    }

    /** What was published, exactly as hashed into the audit chain. */
    public record Published(long id, long series, int version, String village, String category, String title,
            String period, String body, List<Line> lines, String visibility, String correctionReason,
            List<String> attachments, String author, String reviewer, String publishedAt) {
    }

    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    DomainEvents events;

    @Transactional
    public Disclosure draft(String village, Draft d, String actor) {
        checkVillage(village);
        Disclosure x = new Disclosure();
        x.villageCode = village;
        x.version = 1;
        apply(x, d);
        x.status = Status.DRAFT;
        x.author = actor;
        x.createdAt = Instant.now();
        x.persist();
        x.seriesId = x.id;
        audit.append(actor, "disclosure.drafted", "Disclosure", x.id.toString(), json(d));
        return x;
    }

    @Transactional
    public Disclosure update(long id, Draft d, String actor) {
        Disclosure x = find(id);
        requireStatus(x, Status.DRAFT, Status.RETURNED);
        apply(x, d);
        audit.append(actor, "disclosure.edited", "Disclosure", x.id.toString(), json(d));
        return x;
    }

    @Transactional
    public DisclosureAttachment attach(long id, String filename, byte[] data, String actor) {
        Disclosure x = find(id);
        requireStatus(x, Status.DRAFT, Status.RETURNED);
        if (data == null || data.length == 0) {
            throw ProblemException.invalid(400, "The attachment is empty.", Map.of("file", "is empty"));
        }
        if (filename == null || filename.isBlank() || filename.length() > 200 || filename.contains("/")
                || filename.contains("\\")) {
            throw ProblemException.invalid(400, "The attachment needs a file name.",
                    Map.of("filename", "must be 1-200 characters without slashes"));
        }
        FileKind kind = FileKinds.require(data, FileKinds.DOCUMENTS, "file");
        DisclosureAttachment a = new DisclosureAttachment();
        a.disclosureId = x.id;
        a.filename = StoredFile.filename(filename, kind);
        a.contentType = kind.contentType();
        a.data = data;
        a.sha256 = AuditEntry.sha256(data);
        a.persist();
        audit.append(actor, "disclosure.attached", "Disclosure", x.id + "/" + a.id, data);
        return a;
    }

    @Transactional
    public Disclosure submit(long id, String actor) {
        Disclosure x = find(id);
        requireStatus(x, Status.DRAFT, Status.RETURNED);
        x.status = Status.SUBMITTED;
        x.submittedAt = Instant.now();
        x.returnReason = null;
        announce("disclosure.submitted", x, null);
        audit.append(actor, "disclosure.submitted", "Disclosure", x.id.toString(), new byte[0]);
        return x;
    }

    @Transactional
    public Disclosure returnForChanges(long id, String reason, String actor) {
        Disclosure x = find(id);
        requireStatus(x, Status.SUBMITTED);
        String why = required(reason, "reason", 500);
        x.status = Status.RETURNED;
        x.returnReason = why;
        x.reviewer = actor;
        announce("disclosure.returned", x, null);
        audit.append(actor, "disclosure.returned", "Disclosure", x.id.toString(),
                why.getBytes(StandardCharsets.UTF_8));
        return x;
    }

    @Transactional
    public Disclosure publish(long id, String actor) {
        return publish(id, actor, Instant.now());
    }

    /**
     * Publishes as of {@code at}: only a county file's demo content names a day of its own (its items
     * belong to the period they speak of); the audit entry is written now, in the chain's order.
     */
    @Transactional
    public Disclosure publish(long id, String actor, Instant at) {
        Disclosure x = find(id);
        requireStatus(x, Status.SUBMITTED);
        x.status = Status.PUBLISHED;
        x.reviewer = actor;
        x.publishedAt = at.truncatedTo(ChronoUnit.MICROS);
        if (x.version > 1) {
            em.createQuery("update Disclosure d set d.supersededBy = ?1 where d.seriesId = ?2 and d.id <> ?1 "
                    + "and d.status = ?3 and d.supersededBy is null").setParameter(1, x.id).setParameter(2, x.seriesId)
                    .setParameter(3, Status.PUBLISHED).executeUpdate();
        }
        announce("disclosure.published", x, null);
        AuditRecord entry = audit.receipt(actor, "disclosure.published", "Disclosure", x.id.toString(), payload(x));
        x.auditSeq = entry.seq;
        x.auditHash = entry.hash;
        return x;
    }

    /** A correction of a published version: a new draft of the same series, carrying its reason. */
    @Transactional
    public Disclosure correct(long id, Draft d, String reason, String actor) {
        Disclosure old = find(id);
        requireStatus(old, Status.PUBLISHED);
        if (old.supersededBy != null) {
            throw new ProblemException(422, "Unprocessable Content",
                    "Version " + old.version + " is already corrected; correct the latest version.");
        }
        String why = required(reason, "reason", 500);
        long pending = Disclosure.count("seriesId = ?1 and status <> ?2", old.seriesId, Status.PUBLISHED);
        if (pending > 0) {
            throw ProblemException.conflict("A correction of this disclosure is already in progress.");
        }
        int latest = ((Number) em.createQuery("select max(d.version) from Disclosure d where d.seriesId = ?1")
                .setParameter(1, old.seriesId).getSingleResult()).intValue();
        Disclosure x = new Disclosure();
        x.villageCode = old.villageCode;
        x.seriesId = old.seriesId;
        x.version = latest + 1;
        apply(x, d);
        x.correctionReason = why;
        x.status = Status.DRAFT;
        x.author = actor;
        x.createdAt = Instant.now();
        x.persist();
        announce("disclosure.corrected", x, old.id);
        audit.append(actor, "disclosure.correction-drafted", "Disclosure", x.id.toString(), json(d));
        return x;
    }

    /** What a listener learns of a version: where, what kind, which period — not its text or figures. */
    private void announce(String name, Disclosure x, Long corrects) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", x.id);
        data.put("seriesId", x.seriesId);
        data.put("version", x.version);
        data.put("village", x.villageCode);
        data.put("category", x.category == null ? null : x.category.name());
        data.put("period", x.period);
        data.put("visibility", x.visibility == null ? null : x.visibility.name());
        data.put("corrects", corrects);
        events.record(name, "disclosure", x.id.toString(), data);
    }

    /** The published content as hashed into the chain: anyone can recompute the digest from it. */
    public byte[] payload(Disclosure x) {
        List<String> files = DisclosureAttachment.<DisclosureAttachment>list("disclosureId = ?1 order by id", x.id)
                .stream().map(a -> a.filename + " sha256:" + a.sha256).toList();
        return json(new Published(x.id, x.seriesId, x.version, x.villageCode, x.category.name(), x.title, x.period,
                x.body, x.lines == null ? List.of() : x.lines, x.visibility.name(), x.correctionReason, files,
                x.author, x.reviewer, x.publishedAt.toString()));
    }

    /** First and later pages of a village's published, current disclosures, newest first. */
    @SuppressWarnings("unchecked")
    public List<FeedItem> feed(String village, boolean residents, Category category, int page) {
        String sql = "SELECT id, category, title, period, visibility, published_at, version FROM disclosure"
                + " WHERE village_code = CAST(?1 AS char(12)) AND status = 'PUBLISHED' AND superseded_by IS NULL"
                + (residents ? "" : " AND visibility = 'PUBLIC'")
                + (category == null ? "" : " AND category = ?2")
                + " ORDER BY published_at DESC, id DESC LIMIT " + PAGE_SIZE + " OFFSET " + Math.max(0, page) * PAGE_SIZE;
        var q = em.createNativeQuery(sql).setParameter(1, village);
        if (category != null) {
            q.setParameter(2, category.name());
        }
        return ((List<Object[]>) q.getResultList()).stream().map(r -> new FeedItem(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], SqlValues.instant(r[5]),
                ((Number) r[6]).intValue())).toList();
    }

    /** The newest resident-only versions of a village (the 住户专栏 column). */
    public List<Disclosure> residentsOnly(String village, int limit) {
        return Disclosure.find("villageCode = ?1 and status = ?2 and supersededBy is null and visibility = ?3"
                + " order by publishedAt desc, id desc", village, Status.PUBLISHED, Visibility.RESIDENTS)
                .page(0, limit).list();
    }

    /** Title search among a village's published disclosures (or the whole county's when village is null). */
    public List<Disclosure> search(String village, String q, boolean residents) {
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Disclosure.find("status = ?1 and supersededBy is null and (villageCode = ?2 or ?2 is null)"
                + (residents ? "" : " and visibility = ?4")
                + " and (lower(title) like lower(?3) or lower(body) like lower(?3)) order by publishedAt desc",
                residents ? new Object[] { Status.PUBLISHED, village, like }
                        : new Object[] { Status.PUBLISHED, village, like, Visibility.PUBLIC })
                .page(0, 50).list();
    }

    public List<Disclosure> versions(long seriesId) {
        return Disclosure.list("seriesId = ?1 and status = ?2 order by version", seriesId, Status.PUBLISHED);
    }

    public Disclosure find(long id) {
        Disclosure x = Disclosure.findById(id);
        if (x == null) {
            throw ProblemException.notFound("No disclosure " + id + ".");
        }
        return x;
    }

    /** One of the disclosure's own files; another disclosure's file is as unknown as a missing one. */
    public DisclosureAttachment attachment(Disclosure d, long file) {
        DisclosureAttachment a = DisclosureAttachment.findById(file);
        if (a == null || !a.disclosureId.equals(d.id)) {
            throw ProblemException.notFound("No attachment " + file + ".");
        }
        return a;
    }

    private static void apply(Disclosure x, Draft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d == null) {
            throw ProblemException.invalid(400, "The body must be a disclosure.", Map.of("body", "is required"));
        }
        Category category = parse(Category.class, d.category(), "category", errors);
        Visibility visibility = d.visibility() == null ? Visibility.PUBLIC
                : parse(Visibility.class, d.visibility(), "visibility", errors);
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
            errors.put("title", "must be 1-200 characters");
        }
        if (d.period() != null && d.period().length() > 40) {
            errors.put("period", "must be at most 40 characters");
        }
        if (d.body() == null || d.body().isBlank() || d.body().length() > 50_000) {
            errors.put("body", "must be 1-50000 characters");
        }
        List<Line> lines = d.lines() == null ? List.of() : d.lines();
        if (lines.size() > 500) {
            errors.put("lines", "at most 500 lines");
        }
        for (int i = 0; i < lines.size() && i < 500; i++) {
            Line l = lines.get(i);
            if (l == null || l.label() == null || l.label().isBlank() || l.label().length() > 200) {
                errors.put("lines[" + i + "].label", "must be 1-200 characters");
            }
            if (l == null || l.kind() == null || !KINDS.contains(l.kind())) {
                errors.put("lines[" + i + "].kind", "must be INCOME or EXPENSE");
            }
            if (l == null || l.amount() == null || l.amount().signum() < 0 || l.amount().scale() > 2
                    || l.amount().compareTo(MAX_AMOUNT) >= 0) {
                errors.put("lines[" + i + "].amount", "must be a non-negative amount in yuan with at most 2 decimals");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The disclosure is not valid.", errors);
        }
        x.category = category;
        x.visibility = visibility;
        x.title = d.title().strip();
        x.period = d.period() == null || d.period().isBlank() ? null : d.period().strip();
        x.body = d.body();
        x.lines = lines.isEmpty() ? null : List.copyOf(lines);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors) {
        try {
            return Enum.valueOf(type, value);
        } catch (RuntimeException e) {
            errors.put(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static String required(String text, String field, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw ProblemException.invalid(400, "A " + field + " is required.",
                    Map.of(field, "must be 1-" + max + " characters"));
        }
        return text.strip();
    }

    private static void requireStatus(Disclosure x, Status... allowed) {
        for (Status s : allowed) {
            if (x.status == s) {
                return;
            }
        }
        throw new ProblemException(422, "Unprocessable Content", "Disclosure " + x.id + " is " + x.status
                + "; this needs " + java.util.Arrays.toString(allowed) + ".");
    }

    private static void checkVillage(String code) {
        OrgUnit unit = code == null ? null : OrgUnit.findById(code);
        if (unit == null || unit.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.notFound("No village " + code + " in this county.");
        }
    }

    static byte[] json(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
