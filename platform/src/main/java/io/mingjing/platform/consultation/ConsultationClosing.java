package io.mingjing.platform.consultation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.feature.FeatureSwitches;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Counts every vote whose time is up, in every county, once however many replicas run: a cluster job,
 * and each count claims its topic with {@code FOR UPDATE SKIP LOCKED} in the transaction that counts it.
 */
@ApplicationScoped
public class ConsultationClosing {

    private static final Logger LOG = Logger.getLogger(ConsultationClosing.class);
    public static final String ACTOR = "system:consultation-count";

    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    FeatureSwitches switches;
    @Inject
    ConsultationService consultations;
    @ConfigProperty(name = "mingjing.consultation.count-every", defaultValue = "30s")
    Duration every;

    @Produces
    RecurringTask<Void> consultationCounts() {
        return Tasks.recurring("consultation-counts", FixedDelay.of(every)).execute((instance, context) -> everyCounty());
    }

    void everyCounty() {
        for (String id : registry.serving()) {
            if (!switches.on(id, ConsultationFeature.ID)) {
                continue;
            }
            try {
                closeDue(id);
            } catch (RuntimeException e) {
                LOG.warnf("counting the votes of county %s failed: %s", id, e.getMessage());
            }
        }
    }

    /** @return how many votes of the county it counted */
    public int closeDue(String county) {
        int counted = 0;
        List<Long> failed = new ArrayList<>();
        while (true) {
            Long id;
            try {
                id = scope.call(county, () -> consultations.closeOneDue(Instant.now(), failed));
            } catch (ConsultationService.CountFailed e) {
                LOG.warnf("county %s: %s", county, e.getMessage());
                failed.add(e.consultation);
                continue;
            }
            if (id == null) {
                return counted;
            }
            counted++;
        }
    }
}
