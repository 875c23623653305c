package io.mingjing.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one scheduler for work that must happen once however many replicas run: db-scheduler over
 * {@code platform.scheduled_tasks}. A replica takes a due execution with {@code FOR UPDATE SKIP LOCKED}
 * and heartbeats while it runs; when the heartbeats stop (the replica was killed or cut off) another
 * replica revives the execution. Features contribute their periodic work as {@link Task} beans
 * (recurring ones with a fixed delay, so one run ends before the next is due) and dynamic work, such
 * as plugin jobs, through {@link #client()}. Quarkus {@code @Scheduled} fires on every replica
 * (quarkus#14924): it is kept only for what each replica must do for itself, such as refreshing a cache.
 */
@ApplicationScoped
public class ClusterJobs {

    /** This process among the replicas: the scheduler's picked_by and the owner of leases. */
    public static final String REPLICA = hostName() + "#" + ProcessHandle.current().pid();

    @Inject
    DataSource dataSource;
    @Inject
    @Any
    Instance<Task<?>> tasks;
    @ConfigProperty(name = "mingjing.jobs.poll-every", defaultValue = "1s")
    Duration pollEvery;
    /** A replica that missed 4 heartbeats is taken for dead and its executions revived elsewhere. */
    @ConfigProperty(name = "mingjing.jobs.heartbeat", defaultValue = "5s")
    Duration heartbeat;
    @ConfigProperty(name = "mingjing.jobs.threads", defaultValue = "4")
    int threads;

    private volatile Scheduler scheduler;

    /** Before the plugins' jobs are scheduled at boot (priority 5000). */
    void start(@Observes @Priority(4000) StartupEvent e) {
        List<Task<?>> known = new ArrayList<>();
        List<RecurringTask<?>> recurring = new ArrayList<>();
        for (Task<?> task : tasks) { // start tasks are known tasks too: each in one list only
            if (task instanceof RecurringTask<?> r) {
                recurring.add(r);
            } else {
                known.add(task);
            }
        }
        scheduler = Scheduler.create(dataSource, known).tableName("platform.scheduled_tasks")
                .schedulerName(new SchedulerName.Fixed(REPLICA)).threads(threads).pollingInterval(pollEvery)
                .pollUsingLockAndFetch(0.5, 1.0).heartbeatInterval(heartbeat).missedHeartbeatsLimit(4)
                .startTasks(recurring).shutdownMaxWait(Duration.ofSeconds(10)).build();
        scheduler.start();
    }

    void stop(@Observes ShutdownEvent e) {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** To schedule, reschedule and cancel executions; usable once the application has started. */
    public SchedulerClient client() {
        if (scheduler == null) {
            throw new IllegalStateException("the scheduler has not started yet");
        }
        return scheduler;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "replica";
        }
    }
}
