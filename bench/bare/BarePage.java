package benchmark.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's ceiling: a constant page of about 2 KB from a bare Spring Boot application
 * (Spring MVC on embedded Tomcat, nothing else), the reference the issue measured at
 * 12,000–14,000 requests/s on this machine. Compiled and run by bench/storefront.sh against
 * the web libraries inside Misemori's own jar, so the versions are Misemori's.
 */
@SpringBootApplication
@RestController
public class BarePage {

	private static final String PAGE = page();

	public static void main(String[] args) {
		SpringApplication.run(BarePage.class, args);
	}

	@GetMapping(path = "/", produces = "text/html;charset=UTF-8")
	String page0() {
		return PAGE;
	}

	private static String page() {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">"
				+ "<title>ベンチマーク</title></head><body><main>\n");
		for (int i = 1; html.length() < 1_950; i++) {
			html.append("<p>Constant paragraph ").append(i).append(" of the bare page.</p>\n");
		}
		return html.append("</main></body></html>\n").toString();
	}

}
