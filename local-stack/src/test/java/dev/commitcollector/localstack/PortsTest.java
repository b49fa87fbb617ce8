package dev.commitcollector.localstack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

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

}
