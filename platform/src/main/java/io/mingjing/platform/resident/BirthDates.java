package io.mingjing.platform.resident;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.registry.TenantRegistry;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Gives the residents who were there before birth dates were kept their birth date, once: the ID
 * numbers are encrypted, so only the platform can read them. The migration listed those residents
 * ({@code resident_birth_backfill}); a cluster job (once however many replicas) takes them in batches,
 * each removed from the list in the transaction that writes their dates, so a killed run loses nothing
 * and a finished list costs one empty read per county.
 */
@ApplicationScoped
public class BirthDates {

    private static final Logger LOG = Logger.getLogger(BirthDates.class);
    static final int BATCH = 1000;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    TenantRegistry registry;
    @Inject
    TenantScope scope;
    @Inject
    IdCards idCards;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @ConfigProperty(name = "mingjing.residents.birth-dates-every", defaultValue = "1m")
    Duration every;

    @Produces
    RecurringTask<Void> birthDateBackfill() {
        return Tasks.recurring("resident-birth-dates", FixedDelay.of(every)).execute((instance, context) -> everyCounty());
    }

    void everyCounty() {
        for (String county : registry.serving()) {
            try {
                backfill(county);
            } catch (RuntimeException e) {
                LOG.warnf("birth dates of county %s not backfilled this round: %s", county, e.getMessage());
            }
        }
    }

    /** @return how many residents were read */
    public int backfill(String county) {
        int done = 0;
        for (int n = BATCH; n == BATCH; done += n) {
            n = scope.call(county, this::batch);
        }
        return done;
    }

    private int batch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH taken AS (
                  DELETE FROM resident_birth_backfill WHERE resident_id IN (SELECT resident_id FROM resident_birth_backfill
                    ORDER BY resident_id LIMIT ?1 FOR UPDATE SKIP LOCKED)
                  RETURNING resident_id)
                SELECT r.id, r.id_card_enc FROM taken t JOIN resident r ON r.id = t.resident_id""", Object[].class)
                .setParameter(1, BATCH).getResultList();
        LocalDate today = LocalDate.now(CHINA);
        List<Long> ids = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (Object[] r : rows) {
            LocalDate d = birthDate((String) r[1], today);
            if (d != null) {
                ids.add(((Number) r[0]).longValue());
                dates.add(d);
            }
        }
        write(ids, dates);
        if (!rows.isEmpty()) {
            audit.append("platform", "residents.birth-dates", "Resident", rows.size() + " residents",
                    ids.toString().getBytes(StandardCharsets.UTF_8));
        }
        return rows.size();
    }

    /** null when the number does not decrypt with this platform's key (the resident keeps no date) */
    private LocalDate birthDate(String encrypted, LocalDate today) {
        try {
            return IdCards.birthDate(idCards.decrypt(encrypted), today);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private void write(List<Long> ids, List<LocalDate> dates) {
        if (ids.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE resident r SET birth_date = x.d FROM unnest(CAST(? AS bigint[]), CAST(? AS date[])) AS x(id, d)
                    WHERE r.id = x.id AND r.birth_date IS NULL""")) {
                st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                st.setArray(2, c.createArrayOf("date", dates.stream().map(java.sql.Date::valueOf).toArray()));
                st.executeUpdate();
            }
        });
    }
}
