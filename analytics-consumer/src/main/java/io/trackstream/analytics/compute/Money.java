package io.trackstream.analytics.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/** Amounts per currency: exact decimals, never floating point. */
public final class Money {

    private Money() {
    }

    /**
     * The average order value: revenue divided by orders, at the revenue's scale (at least cents),
     * rounded half up. 9,999.90 over 10 orders is 999.99.
     */
    public static BigDecimal average(BigDecimal revenue, long orders) {
        if (orders == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return revenue.divide(BigDecimal.valueOf(orders), Math.max(2, revenue.scale()), RoundingMode.HALF_UP);
    }

    /** Per currency, as the API writes money: {@code {"USD":"80.00"}}. */
    public static Map<String, String> asText(Map<String, BigDecimal> amounts) {
        Map<String, String> text = new TreeMap<>();
        amounts.forEach((currency, amount) -> text.put(currency, amount.toPlainString()));
        return text;
    }
}
