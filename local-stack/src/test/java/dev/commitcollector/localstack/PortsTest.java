package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortsTest {

	@Test
	void refusesToStartOnAPortSomethingListensOnNamingItsVariable() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			LocalStack.Ports ports = new LocalStack.Ports(StackClient.freePort(), StackClient.freePort(),
					taken.getLocalPort());

			assertThatThrownBy(ports::requireFree).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("port " + taken.getLocalPort() + " (QUERY_PORT) is in use");
		}
	}

	@Test
	void readsEachPortFromItsVariableAndTakesTheDefaultForAnUnsetOne() {
		assertThat(LocalStack.Ports.fromEnvironment(Map.of("STORE_PORT", " 9082 ", "QUERY_PORT", "")))
			.isEqualTo(new LocalStack.Ports(8081, 9082, 8083));
	}

	@Test
	void refusesAValueThatIsNotAPortNamingItsVariable() {
		assertThatThrownBy(() -> LocalStack.Ports.fromEnvironment(Map.of("FETCHER_PORT", "abc")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("FETCHER_PORT=abc is not a port: set it to a number from 1 to 65535, or unset it");
		assertThatThrownBy(() -> LocalStack.Ports.fromEnvironment(Map.of("QUERY_PORT", "70000")))
			.hasMessageStartingWith("QUERY_PORT=70000 is not a port");
		assertThatThrownBy(() -> LocalStack.Ports.fromEnvironment(Map.of("STORE_PORT", "0")))
			.hasMessageStartingWith("STORE_PORT=0 is not a port");
	}

}
