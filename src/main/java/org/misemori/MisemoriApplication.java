package org.misemori;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MisemoriApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(MisemoriApplication.class);
		if (List.of(args).contains("--verify-audit-chain")
				|| List.of(args).stream().anyMatch(arg -> arg.startsWith("--rotate-shop-keys"))) {
			// A one-off command beside a running instance: any free port, so it never takes the real one.
			application.setDefaultProperties(Map.of("server.port", "0"));
		}
		application.run(args);
	}

}
