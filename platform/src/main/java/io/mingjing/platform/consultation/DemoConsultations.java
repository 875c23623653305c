package io.mingjing.platform.consultation;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.consultation.ConsultationRequests.NewComment;
import io.mingjing.platform.consultation.ConsultationRequests.NewConsultation;
import io.mingjing.platform.consultation.ConsultationRequests.Resolution;
import io.mingjing.platform.consultation.ConsultationRequests.ResolutionTask;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.staff.DemoPeople;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A county descriptor's {@code consultations.yaml}: topics raised by the village committee (or proposed by
 * a resident and supported by others), discussed, put to the vote, and — where the vote's time is up —
 * counted and resolved, every step as the people it names through the same service and checks as their
 * own requests. Ballots go into the secret ballot box like any resident's: the file says who voted how,
 * the platform keeps no link between them. A topic raised days ago is moved back that far (said in the
 * audit chain) before its count, so a vote of last week is counted now as the closing job would have.
 * Applied once per version of the file.
 */
@ApplicationScoped
public class DemoConsultations {

    static final String FILE = "consultations.yaml";
    private static final String ACTION = "demo-consultations.applied";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public record Comment(String by, String body) {
    }

    /** @param choice the index of the option chosen (0 赞成, 1 反对, 2 弃权 for a yes/no vote) */
    public record Ballot(String by, int choice) {
    }

    /** @param taskInDays when given, the resolution becomes the village's task due this many days from today */
    public record Resolved(String text, String taskTitle, Integer taskInDays, Boolean disclosure) {
    }

    /**
     * @param daysAgo when it was raised, in days before today; its discussion and vote move back with it
     * @param votingDays how long the vote runs from when it was raised; none: it is still discussed
     * @param supporters residents who support a resident's proposal
     */
    public record Topic(String by, String village, String title, String body, List<String> options, int daysAgo,
            List<String> supporters, List<Comment> comments, Integer votingDays, List<Ballot> ballots,
            Resolved resolution) {
    }

    public record File(List<Topic> consultations) {
    }

    @Inject
    DemoSeed seed;
    @Inject
    CurrentCaller caller;
    @Inject
    ConsultationService consultations;
    @Inject
    AuditLog audit;

    public void apply(String tenant, Path county, String actor) throws IOException {
        seed.apply(tenant, county.resolve(FILE), File.class, ACTION, actor,
                file -> DemoSeed.each(file.consultations()).forEach(t -> run(tenant, t, actor)));
    }

    private void run(String tenant, Topic t, String actor) {
        as(tenant, t.by());
        long id = consultations.raise(new NewConsultation(t.village(), t.title(), t.body(), t.options())).id;
        for (String who : DemoSeed.each(t.supporters())) {
            as(tenant, who);
            consultations.support(id);
        }
        for (Comment c : DemoSeed.each(t.comments())) {
            as(tenant, c.by());
            consultations.comment(id, new NewComment(c.body()));
        }
        if (t.votingDays() != null) {
            as(tenant, t.by());
            consultations.startVoting(id, Instant.now().plus(Duration.ofDays(t.votingDays())));
        }
        for (Ballot b : DemoSeed.each(t.ballots())) {
            as(tenant, b.by());
            consultations.vote(id, b.choice());
        }
        Consultation x = moveBack(id, Duration.ofDays(t.daysAgo()), actor);
        if (x.votingUntil != null && !x.votingUntil.isAfter(Instant.now())) {
            as(tenant, t.by());
            consultations.count(id);
            if (t.resolution() != null) {
                consultations.resolve(id, resolution(t.resolution()));
            }
        }
    }

    private static Resolution resolution(Resolved r) {
        ResolutionTask task = r.taskTitle() == null ? null
                : new ResolutionTask(r.taskTitle(), LocalDate.now(CHINA).plusDays(r.taskInDays()));
        return new Resolution(r.text(), task, r.disclosure());
    }

    /**
     * The demo's fiction, said in the audit chain: the topic, its comments and its vote happened this much
     * earlier. The ballots carry no time, so nothing of them moves.
     */
    private Consultation moveBack(long id, Duration by, String actor) {
        Consultation x = Consultation.findById(id);
        if (by.isZero()) {
            return x;
        }
        x.createdAt = x.createdAt.minus(by);
        x.votingFrom = x.votingFrom == null ? null : x.votingFrom.minus(by);
        x.votingUntil = x.votingUntil == null ? null : x.votingUntil.minus(by);
        ConsultationComment.<ConsultationComment>list("consultationId", id).forEach(c -> c.at = c.at.minus(by));
        audit.append(actor, "demo-consultations.moved-back", "Consultation", Long.toString(id),
                by.toString().getBytes(StandardCharsets.UTF_8));
        return x;
    }

    private void as(String tenant, String who) {
        caller.actAs(DemoPeople.caller(tenant, who, FILE));
    }
}
