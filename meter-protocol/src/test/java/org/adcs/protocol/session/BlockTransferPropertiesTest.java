package org.adcs.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ProfileSelection;
import org.adcs.protocol.cosem.SingleActionScheduleObject;
import org.adcs.protocol.testing.InMemoryLink;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;

/** Block transfer never changes a value, whatever the PDU sizes the two sides negotiate. */
class BlockTransferPropertiesTest {
    private static final TestMeter METER = new TestMeter();
    private static final ObisCode PUSH_SCHEDULE = new ObisCode(0, 0, 15, 0, 4, 255);

    @Property(tries = 100)
    void aProfileReadArrivesIdenticalWhateverTheClientsMaxPdu(@ForAll @IntRange(min = 32, max = 4096) int clientMaxPdu,
                                                              @ForAll @IntRange(min = 1, max = 4320) int fromEntry,
                                                              @ForAll @IntRange(min = 0, max = 400) int count) throws Exception {
        InMemoryLink link = new InMemoryLink(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD).withMaxReceivePduSize(clientMaxPdu),
                ServerSettings.withPassword(TestMeter.PASSWORD), METER, WrapperFrame.MANAGEMENT_CLIENT);
        link.client.associate().get();
        Optional<SelectiveAccess> entries = Optional.of(new SelectiveAccess(ProfileSelection.ENTRY_SELECTOR,
                new ProfileSelection.Entries(fromEntry, Math.min(4320, fromEntry + count), 0, 0).toData()));
        GetDataResult expected = METER.model.find(ObisCode.LOAD_PROFILE).orElseThrow().get(2, entries);
        GetDataResult received = link.client.get(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2), entries).get();
        assertEquals(expected, received);
        // the negotiated size binds every APDU after the association exchange (AARQ/AARE are not subject to it)
        for (byte[] response : link.responses.subList(1, link.responses.size())) {
            assertTrue(response.length <= clientMaxPdu, response.length + " > " + clientMaxPdu);
        }
    }

    @Property(tries = 100)
    void aWrittenScheduleArrivesIdenticalWhateverTheServersMaxPdu(@ForAll @IntRange(min = 40, max = 1024) int serverMaxPdu,
                                                                  @ForAll @IntRange(min = 0, max = 200) int times) throws Exception {
        TestMeter meter = new TestMeter();
        InMemoryLink link = new InMemoryLink(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD),
                ServerSettings.withPassword(TestMeter.PASSWORD).withMaxReceivePduSize(serverMaxPdu), meter, WrapperFrame.MANAGEMENT_CLIENT);
        link.client.associate().get();
        List<DlmsData> executionTimes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            executionTimes.add(SingleActionScheduleObject.dailyAt(i % 24, i % 60));
        }
        DlmsData.Array schedule = new DlmsData.Array(executionTimes);
        assertEquals(DataAccessResult.SUCCESS, link.client.set(new CosemAttribute(22, PUSH_SCHEDULE, 4), schedule).get());
        assertEquals(schedule, meter.pushSchedule.executionTimes());
        for (byte[] request : link.requests.subList(1, link.requests.size())) {
            assertTrue(request.length <= serverMaxPdu, request.length + " > " + serverMaxPdu);
        }
    }
}
