package io.neckbeard.engine;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A resource rebuilt from a node record says nothing about whether it runs until its provider is asked. */
class RecordedResourceTest {
    @Test
    void aResourceRebuiltFromItsRecordIsUnknownUntilRefreshed() {
        NodeRecord record = new NodeRecord("web-1", "web", "az-a", "local", "dev/g1-web-1", "127.0.0.1", null, null, null,
                null, true, Map.of("port", "8080"));

        Resource rebuilt = NodeRecords.resource(record);

        assertThat(rebuilt.state()).isEqualTo(ResourceState.UNKNOWN);
        assertThat(rebuilt.running()).isFalse();
        assertThat(rebuilt.attributes()).containsEntry("port", "8080");
    }
}
