package io.mingjing.platform.cockpit;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** The province's counties side by side over whole months, ranked by their red/green record. */
public record ProvinceView(YearMonth from, YearMonth to, List<County> counties) {

    /**
     * One county's figures: appeals (reports never leave a county), red ones, satisfaction in % of the
     * rated, average handling hours, approvals and their amount, benefit money paid, and villages that
     * published their finances in the last month's quarter.
     */
    public record County(int rank, String id, String name, long appeals, long red, Integer satisfaction,
            BigDecimal handlingHours, long approvals, BigDecimal approvedAmount, BigDecimal benefits, long covered,
            long villages) {
    }
}
