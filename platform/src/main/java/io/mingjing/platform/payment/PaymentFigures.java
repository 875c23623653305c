package io.mingjing.platform.payment;

import io.mingjing.platform.figure.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;

/** Benefit money in the cockpit: payments and their sum per programme on the day they were paid. */
@ApplicationScoped
public class PaymentFigures implements FigureSource {

    @Override
    public String sql() {
        return """
                SELECT 'payments.programme', programme, count(*), sum(amount) FROM benefit_payment
                WHERE village_code = p.village AND paid_on = p.day GROUP BY 1, 2""";
    }
}
