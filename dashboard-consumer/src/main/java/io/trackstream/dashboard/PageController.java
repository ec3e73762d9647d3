package io.trackstream.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard/config}: what the live page needs to know that only the server's settings say. */
@RestController
class PageController {

    private final DashboardProperties properties;

    PageController(DashboardProperties properties) {
        this.properties = properties;
    }

    @Operation(summary = "The live page's settings", description = "Where the user lookup calls the history API.")
    @GetMapping("/api/v1/dashboard/config")
    PageConfig config() {
        return new PageConfig(properties.historyBaseUrl());
    }

    /** @param historyBaseUrl storage-consumer's base URL, as the browser reaches it */
    record PageConfig(String historyBaseUrl) {
    }
}
