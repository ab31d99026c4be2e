package org.misemori.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

class ArchitectureTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.misemori");

	@Test
	void noFieldInjection() {
		noFields().should()
			.beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
			.orShould()
			.beAnnotatedWith("org.springframework.beans.factory.annotation.Value")
			.orShould()
			.beAnnotatedWith("jakarta.inject.Inject")
			.orShould()
			.beAnnotatedWith("jakarta.annotation.Resource")
			.because("dependencies arrive through constructors into final fields")
			.check(PRODUCTION);
	}

	@Test
	void noSetterInjection() {
		noMethods().should()
			.beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
			.because("dependencies arrive through constructors into final fields")
			.check(PRODUCTION);
	}

	@Test
	void injectedComponentsKeepFinalFields() {
		fields().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith("org.springframework.stereotype.Component")
			.or()
			.areDeclaredInClassesThat()
			.areAnnotatedWith("org.springframework.stereotype.Service")
			.or()
			.areDeclaredInClassesThat()
			.areAnnotatedWith("org.springframework.stereotype.Controller")
			.and()
			.areNotStatic()
			.should()
			.beFinal()
			.allowEmptyShould(true)
			.check(PRODUCTION);
	}

	@Test
	void domainCodeDoesNotReachIntoTheWebLayer() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..web..")
			.check(PRODUCTION);
	}

	@Test
	void onlyThePlatformsDatabasePackageTouchesRawJdbc() {
		noClasses().that()
			.resideOutsideOfPackage("org.misemori.platform.database..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.sql.Statement")
			.because("SQL goes through JdbcClient with bound parameters")
			.check(PRODUCTION);
	}

}
