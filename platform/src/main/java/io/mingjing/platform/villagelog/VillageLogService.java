package io.mingjing.platform.villagelog;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.file.FileKind;
import io.mingjing.platform.file.FileKinds;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.input.Text;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.villagelog.VillageLogView.NewEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** 村情记录: a cadre records an entry of their village (or a town official of a village of the town), with photos. */
@ApplicationScoped
public class VillageLogService {

    static final int MAX_TAGS = 10;
    static final long MAX_PHOTO = 5L * 1024 * 1024;

    @Inject
    CurrentCaller caller;
    @Inject
    Places places;
    @Inject
    AuditLog audit;
    @Inject
    VillageLogSearch search;

    @Transactional
    public VillageLog record(NewEntry r) {
        Caller c = caller.get();
        OrgUnit village = r == null || r.village() == null ? null : OrgUnit.findById(r.village());
        if (village == null || village.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.invalid(422, "Unknown village.", Map.of("village", "must be the code of a village of this county"));
        }
        if (!(c.hasRole(Role.CADRE) || c.hasRole(Role.TOWN_OFFICIAL)) || !places.mayActOn(village.code)) {
            throw new ProblemException(403, "Forbidden", "The village log of " + village.code + " is kept by its cadres.");
        }
        Instant now = Instant.now();
        VillageLog e = new VillageLog();
        e.village = village.code;
        e.town = village.parentCode;
        e.author = c.actor();
        e.authorUserId = c.userId();
        e.body = text(r.body(), "body", 5000, true);
        e.place = r.place() == null || r.place().isBlank() ? null : text(r.place(), "place", 200, false);
        e.tags = tags(r.tags()).toArray(String[]::new);
        e.open = Boolean.TRUE.equals(r.open());
        e.at = at(r.at(), now);
        index(e);
        e.persist();
        audit.append(c.actor(), "villagelog.recorded", "VillageLog", e.id.toString(), (e.village + "\n" + e.body + "\n"
                + e.place + "\n" + String.join(",", e.tags) + "\n" + e.open + "\n" + e.at).getBytes(StandardCharsets.UTF_8));
        return e;
    }

    /** What the keyword search finds the entry by; kept in step with the words on every write. */
    static void index(VillageLog e) {
        String all = e.body + " " + (e.place == null ? "" : e.place) + " " + String.join(" ", e.tags);
        e.grams = Grams.of(all).toArray(String[]::new);
        e.searchText = all.toLowerCase(Locale.ROOT);
    }

    @Transactional
    public VillageLogPhoto photo(long id, byte[] data) {
        VillageLog e = search.readable(id);
        Caller c = caller.get();
        if (!c.userId().equals(e.authorUserId) && !(c.hasRole(Role.CADRE) && places.mayActOn(e.village))) {
            throw new ProblemException(403, "Forbidden", "Photos are added by the entry's author or the village's cadres.");
        }
        if (data == null || data.length == 0) {
            throw ProblemException.invalid(400, "The photo is empty.", Map.of("file", "is required"));
        }
        if (data.length > MAX_PHOTO) {
            throw new ProblemException(413, "Payload Too Large", "A photo may have at most 5 MB.");
        }
        FileKind kind = FileKinds.require(data, FileKinds.PHOTOS, "file");
        VillageLogPhoto p = new VillageLogPhoto();
        p.logId = e.id;
        p.contentType = kind.contentType();
        p.data = data;
        p.sha256 = AuditEntry.sha256(data);
        p.addedAt = Instant.now();
        p.persist();
        audit.append(c.actor(), "villagelog.photo", "VillageLog", e.id.toString(), p.sha256.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static Instant at(Instant at, Instant now) {
        if (at == null) {
            return now;
        }
        if (at.isAfter(now.plusSeconds(300)) || at.isBefore(now.minus(Duration.ofDays(366)))) {
            throw ProblemException.invalid(422, "The time is not plausible.", Map.of("at", "must be within the past year"));
        }
        return at;
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw ProblemException.invalid(422, "Too many tags.", Map.of("tags", "at most " + MAX_TAGS));
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            out.add(text(tags.get(i), "tags[" + i + "]", 20, false));
        }
        return new ArrayList<>(out);
    }

    static String text(String text, String field, int max, boolean lineBreaks) {
        String problem = text == null || text.isBlank() ? "is required" : text.strip().length() > max
                ? "must be at most " + max + " characters" : Text.problem(text, lineBreaks);
        if (problem != null) {
            throw ProblemException.invalid(422, "The " + field + " is missing or not acceptable.", Map.of(field, problem));
        }
        return text.strip();
    }
}
