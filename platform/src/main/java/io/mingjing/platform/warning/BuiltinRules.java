package io.mingjing.platform.warning;

import static io.mingjing.sdk.WarningRule.Severity.RED;
import static io.mingjing.sdk.WarningRule.Severity.YELLOW;
import static io.mingjing.sdk.WarningRule.Tier.INSPECTORS;
import static io.mingjing.sdk.WarningRule.Tier.TOWN;
import static io.mingjing.sdk.WarningRule.Tier.VILLAGE;

import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.WarningRule;
import java.util.List;

/**
 * The rules every county has, over the approvals' data (三资), appeals and disclosures: the nine labour
 * thresholds of 义乌's list among them. Written like a plugin's rules; a county tunes their thresholds,
 * rewrites their CEL, puts one in shadow mode or switches it off.
 */
final class BuiltinRules {

    static final String MODULE = "builtin";

    private BuiltinRules() {
    }

    static final List<WarningRule> ALL = List.of(
            // 务工: application (申请) before work, declaration (申报) after
            WarningRule.cel("labour-before-application", "labour", new Names("未经审批用工", "Labour before its application"),
                    RED, TOWN, Facts.LABOUR,
                    "fact.plannedStart + days(1) + hours(threshold.graceHours) <= fact.filedAt",
                    Setting.number("graceHours", 0, 0, 72)),
            WarningRule.cel("labour-declared-too-soon", "labour", new Names("虚假务工：申请不足4小时即申报",
                    "Declared within hours of the application"), RED, INSPECTORS, Facts.LABOUR,
                    "fact.declaredAt - fact.filedAt < hours(threshold.minHours)",
                    Setting.number("minHours", 4, 1, 168)),
            WarningRule.cel("labour-staff-workers", "labour", new Names("干部领取务工工资", "Staff among the workers paid"),
                    RED, INSPECTORS, Facts.LABOUR, "fact.staffAmongWorkers > threshold.maxStaff",
                    Setting.number("maxStaff", 0, 0, 10)),
            WarningRule.cel("labour-worker-elsewhere", "labour", new Names("同一人同期多处务工",
                    "A worker on two labour approvals at once"), RED, TOWN, Facts.LABOUR,
                    "fact.workersElsewhere > threshold.maxOverlaps", Setting.number("maxOverlaps", 0, 0, 20)),
            WarningRule.cel("labour-daily-rate", "labour", new Names("务工日薪超标", "Daily rate above the county's"),
                    YELLOW, VILLAGE, Facts.LABOUR, "fact.dailyRate > double(threshold.maxDailyRate)",
                    Setting.number("maxDailyRate", 300, 50, 5000)),
            WarningRule.cel("labour-many-workers", "labour", new Names("单次用工人数过多", "Many workers on one application"),
                    YELLOW, VILLAGE, Facts.LABOUR, "fact.workers > threshold.maxWorkers",
                    Setting.number("maxWorkers", 20, 1, 200)),
            WarningRule.cel("labour-long-period", "labour", new Names("用工期限过长", "A long period of labour"),
                    YELLOW, VILLAGE, Facts.LABOUR, "fact.plannedDays > threshold.maxDays",
                    Setting.number("maxDays", 30, 1, 366)),
            WarningRule.cel("labour-wages-high", "labour", new Names("单笔务工工资过高", "High wages on one application"),
                    YELLOW, TOWN, Facts.LABOUR, "fact.amount > double(threshold.maxWages)",
                    Setting.number("maxWages", 20000, 500, 1000000)),
            WarningRule.cel("labour-not-declared", "labour", new Names("完工逾期未申报", "Work ended, not declared"),
                    YELLOW, VILLAGE, Facts.LABOUR,
                    "!fact.declared && fact.state == 'AWAITING_INPUT' && fact.plannedEnd + days(1) + days(threshold.days) < now",
                    Setting.number("days", 7, 1, 90)),
            // 财务管理
            WarningRule.cel("payment-split", "payment", new Names("拆分支付规避审批", "Payments split under a threshold"),
                    RED, TOWN, Facts.PAYMENT,
                    "fact.kind == 'PAYMENT' && fact.amount < double(threshold.limit) && fact.samePayeeCount30d >= "
                            + "threshold.minCount && fact.samePayeeSum30d >= double(threshold.limit)",
                    Setting.number("limit", 2000, 100, 10000000), Setting.number("minCount", 2, 2, 20)),
            WarningRule.cel("payment-approver-household", "payment", new Names("支付给审批人家庭",
                    "Paid to an approver's household"), RED, INSPECTORS, Facts.PAYMENT, "fact.approverHousehold"),
            WarningRule.cel("payment-before-approval", "payment", new Names("未完成审批即支付",
                    "Paid before the approval was complete"), RED, TOWN, Facts.PAYMENT, "fact.paidAt < fact.approvedAt"),
            WarningRule.cel("payment-duplicate-invoice", "payment", new Names("重复报销发票", "An invoice used twice"),
                    RED, TOWN, Facts.PAYMENT, "fact.duplicateInvoices > 0"),
            WarningRule.cel("payment-to-staff", "payment", new Names("支付给干部本人", "Paid to a staff member"),
                    YELLOW, TOWN, Facts.PAYMENT, "fact.kind == 'PAYMENT' && fact.staffAmongPaid > threshold.maxStaff",
                    Setting.number("maxStaff", 0, 0, 10)),
            // 公章审批
            WarningRule.cel("seal-without-approval", "seal", new Names("用印未经审批", "A seal used without its approval"),
                    RED, TOWN, Facts.SEAL_USE,
                    "!(fact.approvalState in ['APPROVED', 'PAID']) || fact.approvals < threshold.minApprovals",
                    Setting.number("minApprovals", 1, 1, 5)),
            // 采购管理 · 工程建设
            WarningRule.cel("purchase-single-quote", "procurement", new Names("单一报价采购", "One quote only"),
                    YELLOW, TOWN, Facts.PURCHASE,
                    "fact.kind == 'PROCUREMENT' && fact.quotes == 1 && fact.amount > double(threshold.amountAbove)",
                    Setting.number("amountAbove", 5000, 0, 10000000)),
            WarningRule.cel("purchase-related-award", "procurement", new Names("关联方中标", "Awarded to a related party"),
                    RED, INSPECTORS, Facts.PURCHASE, "fact.awardedToStaff"),
            WarningRule.cel("project-over-contract", "project", new Names("工程结算超合同", "Settlement above the contract"),
                    YELLOW, TOWN, Facts.PURCHASE, "fact.overContractPct > double(threshold.percent)",
                    Setting.number("percent", 10, 1, 100)),
            // 三资 efficiency
            WarningRule.cel("approval-stuck", "approval", new Names("审批久拖未办", "An approval step waits too long"),
                    YELLOW, VILLAGE, Facts.APPROVAL, "fact.openHours > double(threshold.maxHours)",
                    Setting.number("maxHours", 72, 1, 720)),
            // 群众诉求: counts only, never a report
            WarningRule.cel("complaints-naming-cadre", "complaint", new Names("多次投诉同一干部",
                    "Repeated complaints naming one cadre"), YELLOW, INSPECTORS, Facts.COMPLAINTS_NAMING,
                    "fact.complaints90d >= threshold.minComplaints", Setting.number("minComplaints", 3, 2, 50)),
            WarningRule.cel("appeal-escalated", "appeal", new Names("诉求多次超时升级", "An appeal escalated repeatedly"),
                    YELLOW, TOWN, Facts.APPEAL, "fact.escalations >= threshold.minEscalations",
                    Setting.number("minEscalations", 2, 1, 10)),
            // 三务公开
            WarningRule.cel("finance-not-disclosed", "disclosure", new Names("季度未公开财务", "No finance disclosure in a quarter"),
                    YELLOW, VILLAGE, Facts.DISCLOSURE_COVERAGE,
                    "fact.finance == 0 && fact.quarterEnd <= now && fact.quarterEnd > now - days(threshold.lookbackDays)",
                    Setting.number("lookbackDays", 92, 1, 730)));
}
