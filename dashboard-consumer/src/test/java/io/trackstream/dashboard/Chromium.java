package io.trackstream.dashboard;

import io.trackstream.stack.DebianPackages;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: nothing is downloaded at test
 * time. On a fresh machine both packages are installed first ({@link DebianPackages}).
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static ChromeDriver start(Path profileDir) throws IOException, InterruptedException {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // the flags of shared/notes/local-stack.md: headless as root, and no background traffic
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,1150", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void ensureInstalled() {
        DebianPackages.ensure(BROWSER, "chromium", "chromium-driver");
        DebianPackages.ensure(DRIVER, "chromium-driver");
    }
}
