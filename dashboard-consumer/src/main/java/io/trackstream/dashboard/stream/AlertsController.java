package io.trackstream.dashboard.stream;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** {@code GET /api/v1/dashboard/alerts}: the recent fraud alerts, for a page that opens after they came. */
@RestController
class AlertsController {

    private final FraudAlerts alerts;

    AlertsController(FraudAlerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "Recent fraud alerts, newest first",
            description = "The last 50 alerts of fraud-alerts (the last hour at start), as fraud-consumer wrote them; "
                    + "an empty list while the topic does not exist.")
    @GetMapping("/api/v1/dashboard/alerts")
    List<JsonNode> alerts() {
        return alerts.latest();
    }
}
