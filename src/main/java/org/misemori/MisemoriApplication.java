package org.misemori;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MisemoriApplication {

	public static void main(String[] args) {
		SpringApplication.run(MisemoriApplication.class, args);
	}

}
