package dev.commitcollector.fetcher.forge.bitbucket;

import dev.commitcollector.fetcher.forge.contract.ForgeContract;
import dev.commitcollector.fetcher.forge.contract.StubForge;

/** The Bitbucket Cloud adapter against the provider contract. */
class BitbucketContractTest extends ForgeContract {

	@Override
	protected StubForge newStub() throws Exception {
		return new BitbucketStub();
	}

}
