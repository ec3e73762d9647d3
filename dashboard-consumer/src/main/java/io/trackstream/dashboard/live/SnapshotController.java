package io.trackstream.dashboard.live;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard/snapshot}: the live picture of the last second. */
@RestController
class SnapshotController {

    private final SnapshotService snapshots;

    SnapshotController(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @Operation(summary = "The live figures, refreshed every second",
            description = "Events whose event time lies in the last minutes of the wall clock, every partition merged: "
                    + "active users and conversion over 5 minutes, events per second over 1 minute, top pages and "
                    + "products, devices, countries and revenue over 5 minutes, and the last 10 minutes second by second.")
    @GetMapping("/api/v1/dashboard/snapshot")
    Snapshot snapshot() {
        return snapshots.latest();
    }
}
