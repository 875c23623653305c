package io.mingjing.platform.payment;

import io.mingjing.platform.policy.Policy;
import io.mingjing.platform.resident.IdCards;
import io.mingjing.platform.resident.Resident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads payments: a resident's own (我的资金), grouped by year and programme, and a village's list. */
@ApplicationScoped
public class Payments {

    public static final int PAGE_SIZE = 100;

    public record Item(long id, BigDecimal amount, LocalDate paidOn, String department) {
    }

    public record ProgrammeTotal(String programme, Long policyId, String policyTitle, BigDecimal total,
            List<Item> payments) {
    }

    public record Year(int year, BigDecimal total, List<ProgrammeTotal> programmes) {
    }

    public record Mine(String name, String idCard, String village, BigDecimal total, List<Year> years) {
    }

    /** A row of the village list; name and number masked unless the reader is authorised. */
    public record VillageRow(long id, String name, String idCard, String programme, BigDecimal amount,
            LocalDate paidOn, String department, boolean mine) {
    }

    @Inject
    EntityManager em;
    @Inject
    IdCards idCards;

    public Mine mine(Resident me) {
        List<BenefitPayment> all = BenefitPayment.list("residentId = ?1 order by paidOn desc, id desc", me.id);
        Map<String, Programme> programmes = new HashMap<>();
        Map<Long, String> policies = new HashMap<>();
        Map<Integer, Map<String, List<BenefitPayment>>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (BenefitPayment p : all) {
            byYear.computeIfAbsent(p.paidOn.getYear(), y -> new LinkedHashMap<>())
                    .computeIfAbsent(p.programme, k -> new ArrayList<>()).add(p);
        }
        List<Year> years = new ArrayList<>();
        for (var y : byYear.entrySet()) {
            List<ProgrammeTotal> rows = new ArrayList<>();
            for (var e : y.getValue().entrySet()) {
                Programme prog = programmes.computeIfAbsent(e.getKey(), k -> Programme.findById(k));
                Long policyId = prog == null ? null : prog.policyId;
                String title = policyId == null ? null : policies.computeIfAbsent(policyId, id -> {
                    Policy pol = Policy.findById(id);
                    return pol == null ? null : pol.title;
                });
                rows.add(new ProgrammeTotal(e.getKey(), policyId, title, sum(e.getValue()), e.getValue().stream()
                        .map(p -> new Item(p.id, p.amount, p.paidOn, p.department)).toList()));
            }
            years.add(new Year(y.getKey(), rows.stream().map(ProgrammeTotal::total).reduce(BigDecimal.ZERO,
                    BigDecimal::add), rows));
        }
        return new Mine(me.name, idCards.decrypt(me.idCardEncrypted), me.registeredVillage, sum(all), years);
    }

    @SuppressWarnings("unchecked")
    public List<VillageRow> village(String village, Integer year, int page, boolean unmasked, Long ownResident) {
        String sql = "SELECT p.id, r.name, r.id_card_masked, r.id_card_enc, p.programme, p.amount, p.paid_on,"
                + " p.department, p.resident_id FROM benefit_payment p JOIN resident r ON r.id = p.resident_id"
                + " WHERE p.village_code = CAST(?1 AS char(12))"
                + (year == null ? "" : " AND p.paid_on >= ?2 AND p.paid_on < ?3")
                + " ORDER BY p.paid_on DESC, p.id DESC LIMIT " + PAGE_SIZE + " OFFSET " + Math.max(0, page) * PAGE_SIZE;
        var q = em.createNativeQuery(sql).setParameter(1, village);
        if (year != null) {
            q.setParameter(2, LocalDate.of(year, 1, 1)).setParameter(3, LocalDate.of(year + 1, 1, 1));
        }
        return ((List<Object[]>) q.getResultList()).stream().map(r -> {
            long resident = ((Number) r[8]).longValue();
            boolean mine = ownResident != null && ownResident == resident;
            boolean full = unmasked || mine;
            return new VillageRow(((Number) r[0]).longValue(), full ? (String) r[1] : maskName((String) r[1]),
                    full ? idCards.decrypt((String) r[3]) : (String) r[2], (String) r[4], (BigDecimal) r[5],
                    r[6] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[6], (String) r[7], mine);
        }).toList();
    }

    public static String maskName(String name) {
        return name == null || name.isEmpty() ? "" : name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }

    private static BigDecimal sum(List<BenefitPayment> list) {
        return list.stream().map(p -> p.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
