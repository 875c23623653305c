package io.mingjing.platform.approval;

import io.mingjing.platform.disclosure.Disclosure;
import io.mingjing.platform.disclosure.DisclosureService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an approval leaves behind, so 三资 is never typed twice: a paid payment becomes a line of the
 * village's monthly FINANCE disclosure draft (the cadre reviews and submits it), a procurement award
 * and a project their own disclosure drafts, a seal use its line in the seal register.
 */
@ApplicationScoped
class ApprovalOutcomes {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    @Inject
    DisclosureService disclosures;
    @Inject
    ApprovalEvents events;

    /** @return the id of the draft the payment is a line of */
    Long financeLine(Approval a, String actor) {
        String period = LocalDate.ofInstant(a.paidAt, ApprovalChecks.CHINA).format(MONTH);
        String title = "村级资金支出明细（" + period + "）";
        Disclosure.Line line = new Disclosure.Line(a.kind.zh + " #" + a.id + " " + a.title + "（" + a.bankRef + "）",
                "EXPENSE", a.amount);
        Disclosure draft = Disclosure.find("villageCode = ?1 and category = ?2 and status = ?3 and period = ?4 and "
                + "title = ?5", a.village, Disclosure.Category.FINANCE, Disclosure.Status.DRAFT, period, title).firstResult();
        if (draft == null) {
            return disclosures.draft(a.village, new DisclosureService.Draft("FINANCE", title, period,
                    "由三资审批系统在支付完成时生成，村干部核对后提交审核。" + signedOver(a), List.of(line), "PUBLIC"), actor).id;
        }
        List<Disclosure.Line> lines = new ArrayList<>(draft.lines == null ? List.of() : draft.lines);
        lines.add(line);
        String body = draft.body + signedOver(a);
        disclosures.update(draft.id, new DisclosureService.Draft("FINANCE", title, period,
                body.length() > 50_000 ? draft.body : body, lines, draft.visibility.name()), actor);
        return draft.id;
    }

    /** Called once, when the last step approves. */
    void approved(Approval a) {
        switch (a.kind) {
            case PROCUREMENT -> a.disclosureId = procurementDraft(a);
            case PROJECT -> a.disclosureId = projectDraft(a);
            case SEAL -> sealUse(a);
            case PAYMENT, LABOUR -> {
            }
        }
    }

    private Long procurementDraft(Approval a) {
        Map<String, Object> award = a.section("award");
        String body = "采购事项：" + a.section("filing").get("need") + "\n中标（成交）供应商：" + award.get("supplier")
                + "\n合同编号：" + a.section("contract").get("reference") + signedOver(a);
        return disclosures.draft(a.village, new DisclosureService.Draft("VILLAGE", "采购结果公示：" + a.title, null, body,
                List.of(new Disclosure.Line("成交金额", "EXPENSE", amount(award.get("amount"), a.amount))), "PUBLIC"),
                a.filedBy).id;
    }

    private Long projectDraft(Approval a) {
        String body = "工程项目：" + a.title + "\n" + a.section("filing").get("purpose") + "\n合同编号："
                + a.section("contract").get("reference") + signedOver(a);
        return disclosures.draft(a.village, new DisclosureService.Draft("FINANCE", "工程项目结算公示：" + a.title, null,
                body, List.of(new Disclosure.Line("结算金额", "EXPENSE", a.amount)), "PUBLIC"), a.filedBy).id;
    }

    private void sealUse(Approval a) {
        Map<String, Object> f = a.section("filing");
        SealUse u = new SealUse();
        u.sealId = ((Number) f.get("seal")).longValue();
        u.approvalId = a.id;
        u.village = a.village;
        u.document = String.valueOf(f.get("document"));
        u.purpose = String.valueOf(f.get("purpose"));
        u.approvedAt = a.updatedAt;
        u.persist();
        events.record("seal.used", a, Map.of("seal", u.sealId));
    }

    /** 越过红色预警的审批说明, published with the outcome: who signed over which warnings, and why. */
    static String signedOver(Approval a) {
        if (!(a.data.get("signedOver") instanceof List<?> over) || over.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Object o : over) {
            Map<?, ?> m = (Map<?, ?>) o;
            b.append("\n越过预警审批说明（#").append(a.id).append("，").append(m.get("by")).append("，")
                    .append(m.get("warnings")).append("）：")
                    .append(m.get("reason"));
        }
        return b.toString();
    }

    private static BigDecimal amount(Object o, BigDecimal fallback) {
        return o == null ? fallback : new BigDecimal(o.toString());
    }
}
