package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class WalkedShasTest {

	@Test
	void tellsAShaWalkedBeforeAlwaysAndANewOneAlmostAlways() throws NoSuchAlgorithmException {
		WalkedShas walked = new WalkedShas();
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		int takenForWalked = 0;
		for (int i = 0; i < 100_000; i++) {
			String sha = HexFormat.of().formatHex(sha1.digest(("commit " + i).getBytes()));
			if (!walked.add(sha)) {
				takenForWalked++;
			}
			assertThat(walked.add(sha)).as("walked before").isFalse();
		}

		assertThat(takenForWalked).as("new shas taken for walked, of 100,000").isLessThan(500);
	}

	@Test
	void tellsApartShasThatShareMostOfTheirDigits() {
		WalkedShas walked = new WalkedShas();
		int takenForWalked = 0;
		for (int i = 0; i < 10_000; i++) {
			if (!walked.add("0".repeat(32) + String.format("%08x", i))) {
				takenForWalked++;
			}
		}

		assertThat(takenForWalked).isLessThan(50);
	}

}
