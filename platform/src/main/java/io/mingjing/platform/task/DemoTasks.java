package io.mingjing.platform.task;

import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.clock.SlaSweep;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.inbox.InboxMessage;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.staff.DemoPeople;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A county descriptor's {@code tasks.yaml}: work a town or the county assigned days ago, through the same
 * service and checks as their own requests, then moved back to the day it was assigned (said in the
 * audit chain) so the one clock finds it as it would have — on time, 黄牌 near its deadline, 红牌 past
 * it — and done with evidence where the file says so. Applied once per version of the file; the clock
 * runs over the county as soon as it is, so the cards are there when the demo opens.
 */
@ApplicationScoped
public class DemoTasks {

    static final String FILE = "tasks.yaml";
    private static final String ACTION = "demo-tasks.applied";
    /** A 1×1 PNG: a photo of the work to the file rules. */
    static final byte[] PHOTO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** @param evidence file names of the photos shown as done; @param note what the assignee says */
    public record Done(String by, String note, List<String> evidence) {
    }

    /**
     * @param daysAgo when it was assigned, in days before today
     * @param dueInDays its deadline, the end of the working day this many days from today (negative: past)
     */
    public record Spec(String by, String title, String body, List<String> villages, List<String> assignees,
            int daysAgo, int dueInDays, Done done) {
    }

    public record File(List<Spec> tasks) {
    }

    @Inject
    DemoSeed seed;
    @Inject
    CurrentCaller caller;
    @Inject
    TaskService tasks;
    @Inject
    AuditLog audit;
    @Inject
    SlaSweep sweep;

    public void apply(String tenant, Path county, String actor) throws IOException {
        if (seed.apply(tenant, county.resolve(FILE), File.class, ACTION, actor,
                file -> DemoSeed.each(file.tasks()).forEach(s -> assign(tenant, s, actor)))) {
            sweep.sweep(tenant, Instant.now());
        }
    }

    private void assign(String tenant, Spec s, String actor) {
        caller.actAs(DemoPeople.caller(tenant, s.by(), FILE));
        Duration back = Duration.ofDays(s.daysAgo());
        List<Task> made = tasks.assign(new TaskRequests.NewTask(s.title(), s.body(), s.villages(), s.assignees(),
                DemoPeople.workdayEnd(s.dueInDays()).plus(back)));
        made.forEach(t -> moveBack(t, back, actor));
        if (s.done() == null) {
            return;
        }
        caller.actAs(DemoPeople.caller(tenant, s.done().by(), FILE));
        for (Task t : made) {
            if (!tasks.isFor(t.id)) {
                continue; // a task of several villages is done by each one's cadres: this one's only
            }
            for (String name : DemoSeed.each(s.done().evidence())) {
                tasks.attach(t.id, name, PHOTO);
            }
            tasks.complete(t.id, s.done().note());
        }
    }

    /**
     * The demo's fiction, said in the audit chain: the task was assigned this much earlier, and so were
     * the messages that told of it, with the deadline they name.
     */
    private void moveBack(Task t, Duration by, String actor) {
        String label = TaskNews.label(t);
        String deadline = TaskOverdue.local(t.deadline);
        String moved = TaskOverdue.local(t.deadline.minus(by));
        InboxMessage.<InboxMessage>list("at >= ?1", t.createdAt).stream()
                .filter(m -> m.text != null && m.text.startsWith(label)).forEach(m -> {
                    m.at = m.at.minus(by);
                    m.text = m.text.replace(deadline, moved);
                });
        t.createdAt = t.createdAt.minus(by);
        t.deadline = t.deadline.minus(by);
        t.stepStartedAt = t.stepStartedAt.minus(by);
        t.yellowAt = t.yellowAt == null ? null : t.yellowAt.minus(by);
        t.dueAt = t.dueAt == null ? null : t.dueAt.minus(by);
        audit.append(actor, "demo-tasks.moved-back", "Task", t.id.toString(), by.toString()
                .getBytes(StandardCharsets.UTF_8));
    }
}
