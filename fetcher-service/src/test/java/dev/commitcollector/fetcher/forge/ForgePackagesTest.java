package dev.commitcollector.fetcher.forge;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import reactor.util.context.ContextView;

/**
 * The forge packages' layering: each forge type is one package that sees only the HTTP
 * kit, the application's ports and the domain; the kit sees no forge type; and nothing
 * but a fetch's trace reaches an adapter through the Reactor context.
 */
@AnalyzeClasses(packages = "dev.commitcollector.fetcher", importOptions = ImportOption.DoNotIncludeTests.class)
class ForgePackagesTest {

	private static final String FORGE = "dev.commitcollector.fetcher.forge";

	private static final String HTTP = FORGE + ".http";

	private static final Set<String> CONTEXT_OPERATORS = Set.of("contextWrite", "deferContextual",
			"transformDeferredContextual", "contextCapture");

	private static final List<String> TYPES = List.of("github", "gitlab", "bitbucket", "gitea", "git");

	@ArchTest
	static void eachForgeTypeDependsOnlyOnTheHttpKitThePortsAndTheDomain(JavaClasses fetcher) {
		for (String type : TYPES) {
			String own = FORGE + "." + type;
			classes().that()
				.resideInAPackage(own)
				.should()
				.onlyDependOnClassesThat(resideOutsideOfPackage("dev.commitcollector..").or(resideInAnyPackage(own,
						HTTP, "dev.commitcollector.fetcher.application", "dev.commitcollector.fetcher.domain")))
				.check(fetcher);
		}
	}

	@ArchTest
	static final ArchRule theHttpKitKnowsNoForgeType = noClasses().that()
		.resideInAPackage(HTTP)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FORGE, FORGE + ".github", FORGE + ".gitlab", FORGE + ".bitbucket", FORGE + ".gitea",
				FORGE + ".git");

	/**
	 * Only the trace does (Micrometer's observation, which is how Reactor carries one):
	 * the two classes that put a fetch's run in its trace and send within it.
	 */
	@ArchTest
	static final ArchRule nothingInTheFetcherTravelsInTheReactorContextButTheTrace = noClasses().that()
		.resideInAPackage("dev.commitcollector.fetcher..")
		.and()
		.doNotHaveFullyQualifiedName("dev.commitcollector.fetcher.application.ObservedFetchTraces")
		.and()
		.doNotHaveFullyQualifiedName("dev.commitcollector.fetcher.kafka.InObservation")
		.should()
		.callMethodWhere(describe("a Reactor context is read or written",
				call -> call.getTargetOwner().getPackageName().startsWith("reactor.")
						&& CONTEXT_OPERATORS.contains(call.getName())))
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(ContextView.class);

}
