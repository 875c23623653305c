package io.mingjing.platform.figure;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps every county's figures current: a cluster job ({@code ClusterJobs}), so one replica computes
 * them however many run, in batches of {@link #BATCH} village-days, then pushes the touched months to
 * the province.
 */
@ApplicationScoped
public class FigureRefresh {

    private static final Logger LOG = Logger.getLogger(FigureRefresh.class);
    static final int BATCH = 200;

    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    Figures figures;
    @Inject
    ProvinceFigures province;
    @ConfigProperty(name = "mingjing.figures.every", defaultValue = "5s")
    Duration every;

    @Produces
    RecurringTask<Void> figureRefresh() {
        return Tasks.recurring("figures", FixedDelay.of(every)).execute((instance, context) -> everyCounty());
    }

    void everyCounty() {
        for (String id : registry.serving()) {
            try {
                refresh(id);
            } catch (RuntimeException e) {
                LOG.warnf("figures of county %s failed: %s", id, e.getMessage());
            }
        }
    }

    /** Computes what the county's writes marked and pushes its months; also called by tests and benchmarks. */
    public int refresh(String county) {
        int total = 0;
        int batch;
        do {
            batch = scope.callRedoable(county, () -> figures.refresh(BATCH));
            total += batch;
        } while (batch > 0);
        scope.call(county, () -> province.push(county));
        return total;
    }
}
