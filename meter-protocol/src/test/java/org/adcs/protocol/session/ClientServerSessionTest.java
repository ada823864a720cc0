package org.adcs.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.adcs.protocol.apdu.Aare;
import org.adcs.protocol.apdu.ActionResponse;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.AttributeRequest;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.CosemMethod;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.ExceptionResponse;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.GetRequest;
import org.adcs.protocol.apdu.GetResponse;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.apdu.SetRequest;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.ByteWriter;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.cosem.AssociationLnObject;
import org.adcs.protocol.cosem.CaptureObject;
import org.adcs.protocol.cosem.ClockObject;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.CosemObject;
import org.adcs.protocol.cosem.EventLog;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ProfileGenericObject;
import org.adcs.protocol.cosem.ProfileSelection;
import org.adcs.protocol.cosem.ScalerUnit;
import org.adcs.protocol.cosem.SingleActionScheduleObject;
import org.adcs.protocol.testing.InMemoryLink;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.junit.jupiter.api.Test;

/** Our client against our server, in memory: the session state machines without sockets. */
class ClientServerSessionTest {
    private final TestMeter meter = new TestMeter();

    private static <T> T done(CompletableFuture<T> f) throws Exception {
        assertTrue(f.isDone(), "in-memory exchange completes synchronously");
        return f.get();
    }

    private static DlmsData value(GetDataResult r) {
        return assertInstanceOf(GetDataResult.Value.class, r).data();
    }

    @Test
    void associatesWithTheLlsPasswordAndReadsTheClock() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        Association association = done(link.client.associate());
        assertEquals(0x0400, association.serverMaxReceivePduSize());
        DlmsData time = value(done(link.client.get(new CosemAttribute(8, ObisCode.CLOCK, 2))));
        assertEquals(TestMeter.NOW, ClockObject.parseTime(time).flatMap(CosemDateTime::toOffsetDateTime).orElseThrow().toInstant());
    }

    @Test
    void aWrongPasswordIsRejectedAndRequestsThenFailAsNotAssociated() throws Exception {
        InMemoryLink link = new InMemoryLink(ClientSettings.lowLevelSecurity("wrong"), ServerSettings.withPassword(TestMeter.PASSWORD),
                meter, WrapperFrame.MANAGEMENT_CLIENT);
        ExecutionException e = assertThrows(ExecutionException.class, () -> done(link.client.associate()));
        assertEquals(SessionException.Reason.ASSOCIATION_REJECTED, ((SessionException) e.getCause()).reason());
        ExecutionException get = assertThrows(ExecutionException.class,
                () -> done(link.client.get(new CosemAttribute(8, ObisCode.CLOCK, 2))));
        assertEquals(SessionException.Reason.NOT_ASSOCIATED, ((SessionException) get.getCause()).reason());
    }

    @Test
    void thePublicClientMayAssociateWithoutAPasswordButTheManagementClientMayNot() throws Exception {
        InMemoryLink publicLink = new InMemoryLink(ClientSettings.noSecurity(), ServerSettings.withPassword(TestMeter.PASSWORD),
                meter, WrapperFrame.PUBLIC_CLIENT);
        done(publicLink.client.associate());
        InMemoryLink management = new InMemoryLink(ClientSettings.noSecurity(), ServerSettings.withPassword(TestMeter.PASSWORD),
                meter, WrapperFrame.MANAGEMENT_CLIENT);
        assertTrue(management.client.associate().isCompletedExceptionally());
    }

    @Test
    void readsARegisterWithItsScalerUnitInOneGetWithList() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        List<GetDataResult> results = done(link.client.getWithList(List.of(
                AttributeRequest.of(new CosemAttribute(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2)),
                AttributeRequest.of(new CosemAttribute(3, ObisCode.ACTIVE_ENERGY_IMPORT, 3)),
                AttributeRequest.of(new CosemAttribute(3, new ObisCode(1, 0, 3, 8, 0, 255), 2)))));
        assertEquals(TestMeter.IMPORT_WH, value(results.get(0)).asLong());
        assertEquals(Optional.of(TestMeter.ENERGY_SCALER_UNIT), ScalerUnit.fromData(value(results.get(1))));
        assertEquals(new GetDataResult.Failure(DataAccessResult.OBJECT_UNDEFINED), results.get(2));
    }

    @Test
    void readsFortyFiveDaysOfLoadProfileByRangeInBlocks() throws Exception {
        InMemoryLink link = new InMemoryLink(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD).withMaxReceivePduSize(512),
                ServerSettings.withPassword(TestMeter.PASSWORD), meter, WrapperFrame.MANAGEMENT_CLIENT);
        done(link.client.associate());
        ProfileSelection.Range range = ProfileSelection.Range.ofTimes(
                CosemDateTime.of(TestMeter.intervalEnd(0).atOffset(ZoneOffset.UTC)),
                CosemDateTime.of(TestMeter.NOW.atOffset(ZoneOffset.UTC)));
        DlmsData buffer = value(done(link.client.get(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2),
                Optional.of(new SelectiveAccess(ProfileSelection.RANGE_SELECTOR, range.toData())))));
        List<List<DlmsData>> rows = ProfileGenericObject.parseBuffer(buffer).orElseThrow();
        assertEquals(TestMeter.DAYS * TestMeter.INTERVALS_PER_DAY, rows.size());
        assertEquals(meter.loadProfile.get(4319).elements(), rows.get(4319));
        long blocks = link.responses.stream().filter(r -> ApduCodec.decode(r, Limits.DEFAULT).orElseThrow() instanceof GetResponse.WithDataBlock).count();
        assertTrue(blocks > 100, "a 45-day profile needs many 512-byte blocks, got " + blocks);
        for (byte[] response : link.responses) {
            assertTrue(response.length <= 512, "server respects the client's max receive PDU");
        }
    }

    @Test
    void rangeSelectionReturnsOnlyTheEntriesWithinTheRangeAndTheSelectedColumns() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        Instant from = TestMeter.intervalEnd(100);
        Instant to = TestMeter.intervalEnd(103);
        ProfileSelection.Range range = new ProfileSelection.Range(CaptureObject.CLOCK_TIME,
                new DlmsData.OctetString(CosemDateTime.of(from.atOffset(ZoneOffset.UTC)).toBytes()),
                new DlmsData.OctetString(CosemDateTime.of(to.atOffset(ZoneOffset.UTC)).toBytes()),
                List.of(TestMeter.LOAD_PROFILE_COLUMNS.get(0), TestMeter.LOAD_PROFILE_COLUMNS.get(2)));
        DlmsData buffer = value(done(link.client.get(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2),
                Optional.of(new SelectiveAccess(1, range.toData())))));
        List<List<DlmsData>> rows = ProfileGenericObject.parseBuffer(buffer).orElseThrow();
        assertEquals(4, rows.size());
        assertEquals(List.of(meter.loadProfile.get(100).elements().get(0), meter.loadProfile.get(100).elements().get(2)), rows.get(0));
    }

    @Test
    void entrySelectionTreatsToEntryAsAnIndexNotACount() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        ProfileSelection.Entries entries = new ProfileSelection.Entries(10, 12, 3, 0);
        DlmsData buffer = value(done(link.client.get(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2),
                Optional.of(new SelectiveAccess(2, entries.toData())))));
        List<List<DlmsData>> rows = ProfileGenericObject.parseBuffer(buffer).orElseThrow();
        assertEquals(3, rows.size(), "entries 10..12 inclusive");
        assertEquals(meter.loadProfile.get(9).elements().subList(2, 4), rows.get(0));
    }

    @Test
    void readsTheStandardEventLog() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        DlmsData buffer = value(done(link.client.get(new CosemAttribute(7, ObisCode.STANDARD_EVENT_LOG, 2))));
        List<EventLog.Entry> events = EventLog.parse(buffer).orElseThrow();
        assertEquals(List.of(1, 2), events.stream().map(EventLog.Entry::code).toList());
    }

    @Test
    void writesAScheduleLargerThanTheServersMaxPduInBlocks() throws Exception {
        InMemoryLink link = new InMemoryLink(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD),
                ServerSettings.withPassword(TestMeter.PASSWORD).withMaxReceivePduSize(64), meter, WrapperFrame.MANAGEMENT_CLIENT);
        done(link.client.associate());
        DlmsData[] times = new DlmsData[24];
        for (int h = 0; h < 24; h++) {
            times[h] = SingleActionScheduleObject.dailyAt(h, 20);
        }
        DlmsData.Array schedule = DlmsData.Array.of(times);
        DataAccessResult result = done(link.client.set(new CosemAttribute(22, new ObisCode(0, 0, 15, 0, 4, 255), 4), schedule));
        assertEquals(DataAccessResult.SUCCESS, result);
        assertEquals(schedule, meter.pushSchedule.executionTimes());
        assertTrue(link.requests.stream().anyMatch(r -> ApduCodec.decode(r, Limits.DEFAULT).orElseThrow() instanceof SetRequest.WithDataBlock));
        for (byte[] request : link.requests) {
            assertTrue(request.length <= 64, "client respects the server's max receive PDU");
        }
    }

    @Test
    void aScheduleOfTheWrongShapeIsRefusedByTheMeter() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        DataAccessResult result = done(link.client.set(new CosemAttribute(22, new ObisCode(0, 0, 15, 0, 4, 255), 4), new DlmsData.UInt8(1)));
        assertEquals(DataAccessResult.TYPE_UNMATCHED, result);
    }

    @Test
    void setsTheClock() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        Instant corrected = TestMeter.NOW.plusSeconds(42);
        DataAccessResult result = done(link.client.set(new CosemAttribute(8, ObisCode.CLOCK, 2),
                new DlmsData.OctetString(CosemDateTime.of(corrected.atOffset(ZoneOffset.UTC)).toBytes())));
        assertEquals(DataAccessResult.SUCCESS, result);
        assertEquals(corrected, meter.clock.now());
    }

    @Test
    void invokesThePushMethodOfThePushSetup() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        ActionResponse response = done(link.client.action(new CosemMethod(40, new ObisCode(0, 1, 25, 9, 0, 255), 1),
                Optional.of(new DlmsData.Int8(0))));
        assertEquals(DataAccessResult.SUCCESS, response.result());
        assertEquals(1, meter.pushes);
    }

    @Test
    void releaseEndsTheAssociation() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        done(link.client.release());
        assertFalse(link.client.isAssociated());
        assertFalse(link.server.isAssociated());
    }

    @Test
    void aRequestWithoutAnswerTimesOutAndTheNextRequestStillRuns() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        link.serverSilent = true;
        CompletableFuture<GetDataResult> first = link.client.get(new CosemAttribute(8, ObisCode.CLOCK, 2));
        CompletableFuture<GetDataResult> second = link.client.get(new CosemAttribute(8, ObisCode.CLOCK, 2));
        assertFalse(first.isDone());
        link.scheduler.advance(Duration.ofSeconds(31));
        ExecutionException e = assertThrows(ExecutionException.class, first::get);
        assertEquals(SessionException.Reason.TIMEOUT, ((SessionException) e.getCause()).reason());
        assertFalse(second.isDone(), "the second request is now on the wire");
        assertEquals(1, link.scheduler.pending());
    }

    @Test
    void aMalformedResponseFailsPendingRequestsAndClosesTheConnection() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        link.serverSilent = true;
        CompletableFuture<GetDataResult> pending = link.client.get(new CosemAttribute(8, ObisCode.CLOCK, 2));
        link.client.onApdu(new byte[] {(byte) 0xC4, 0x01});
        ExecutionException e = assertThrows(ExecutionException.class, pending::get);
        SessionException cause = (SessionException) e.getCause();
        assertEquals(SessionException.Reason.PROTOCOL_ERROR, cause.reason());
        assertTrue(cause.decodeError().isPresent());
        assertTrue(link.clientClosed);
    }

    @Test
    void responsesAreMatchedByInvokeIdWhateverThePriorityBitThePeerSets() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        link.serverSilent = true;
        CompletableFuture<GetDataResult> pending = link.client.get(new CosemAttribute(8, ObisCode.CLOCK, 2));
        GetRequest.Normal sent = (GetRequest.Normal) ApduCodec.decode(link.requests.get(link.requests.size() - 1), Limits.DEFAULT).orElseThrow();
        int lowPriority = sent.invokeIdAndPriority() & 0x7F; // 0xC1 sent, 0x41 answered
        link.client.onApdu(ApduCodec.encode(new GetResponse.Normal(lowPriority, new GetDataResult.Value(new DlmsData.UInt8(7)))));
        assertEquals(new GetDataResult.Value(new DlmsData.UInt8(7)), pending.get());
    }

    @Test
    void aRequestBeforeAssociationIsAnsweredWithAnExceptionResponse() {
        InMemoryLink link = InMemoryLink.withLls(meter);
        ServerReply reply = link.server.onApdu(ApduCodec.encode(new GetRequest.Normal(0xC1, new CosemAttribute(8, ObisCode.CLOCK, 2), Optional.empty())));
        byte[] apdu = assertInstanceOf(ServerReply.Send.class, reply).apdu();
        assertInstanceOf(ExceptionResponse.class, ApduCodec.decode(apdu, Limits.DEFAULT).orElseThrow());
    }

    @Test
    void anAarqForTheCipheringContextIsRefusedWithAnAareNotADroppedConnection() {
        InMemoryLink link = InMemoryLink.withLls(meter);
        byte[] cipheredAarq = ByteWriter.hex("6066a109060760857405080103a60a04084D4D4D0000BC614E8a0207808b0760857405080201ac0a8008"
                + "3132333435363738be34043221303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855");
        byte[] reply = assertInstanceOf(ServerReply.Send.class, link.server.onApdu(cipheredAarq)).apdu();
        Aare aare = (Aare) ApduCodec.decode(reply, Limits.DEFAULT).orElseThrow();
        assertFalse(aare.accepted());
        assertEquals(Aare.DIAGNOSTIC_APPLICATION_CONTEXT_NOT_SUPPORTED, aare.diagnostic());
    }

    @Test
    void aWellFormedButUnsupportedRequestIsAnsweredWithAnExceptionResponse() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        ServerReply reply = link.server.onApdu(ByteWriter.hex("C104C100")); // SET with-list
        byte[] apdu = assertInstanceOf(ServerReply.Send.class, reply).apdu();
        assertEquals(new ExceptionResponse(2, 2), ApduCodec.decode(apdu, Limits.DEFAULT).orElseThrow());
    }

    @Test
    void aLongGetWithListIsAnsweredInBlocksAndReassembled() throws Exception {
        InMemoryLink link = new InMemoryLink(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD).withMaxReceivePduSize(256),
                ServerSettings.withPassword(TestMeter.PASSWORD), meter, WrapperFrame.MANAGEMENT_CLIENT);
        done(link.client.associate());
        List<GetDataResult> results = done(link.client.getWithList(List.of(
                AttributeRequest.of(new CosemAttribute(8, ObisCode.CLOCK, 2)),
                new AttributeRequest(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2),
                        Optional.of(new SelectiveAccess(2, new ProfileSelection.Entries(1, 96, 0, 0).toData()))))));
        assertEquals(96, ProfileGenericObject.parseBuffer(value(results.get(1))).orElseThrow().size());
        assertTrue(link.responses.size() > 10, "answered in blocks of at most 256 bytes");
    }

    @Test
    void aWithListAskingForMoreThanAnyClientMayReassembleIsCutShortWithTemporaryFailures() throws Exception {
        Limits small = new Limits(0xFFFF, 200_000, 16, 65_535); // room for one 45-day profile (~120 KB), not two
        InMemoryLink link = new InMemoryLink(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD),
                new ServerSettings(ServerSettings.withPassword(TestMeter.PASSWORD).llsPassword(), true, org.adcs.protocol.apdu.Conformance.SUPPORTED,
                        0x400, 0xFFFF, small), meter, WrapperFrame.MANAGEMENT_CLIENT);
        done(link.client.associate());
        AttributeRequest profile = AttributeRequest.of(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2));
        List<GetDataResult> results = done(link.client.getWithList(List.of(profile, profile, profile)));
        assertInstanceOf(GetDataResult.Value.class, results.get(0));
        assertEquals(new GetDataResult.Failure(DataAccessResult.TEMPORARY_FAILURE), results.get(1));
        assertEquals(new GetDataResult.Failure(DataAccessResult.TEMPORARY_FAILURE), results.get(2));
    }

    @Test
    void everyAttributeOfEveryListedObjectCanBeRead() throws Exception {
        InMemoryLink link = InMemoryLink.withLls(meter);
        done(link.client.associate());
        DlmsData list = value(done(link.client.get(new CosemAttribute(15, ObisCode.CURRENT_ASSOCIATION, 2))));
        List<CaptureObject> objects = AssociationLnObject.parseObjectList(list).orElseThrow();
        assertEquals(meter.model.objects().size(), objects.size());
        for (CosemObject object : meter.model.objects()) {
            for (int attribute : object.attributeIds()) {
                GetDataResult result = done(link.client.get(new CosemAttribute(object.classId(), object.logicalName(), attribute)));
                assertInstanceOf(GetDataResult.Value.class, result, object.logicalName() + " attribute " + attribute);
            }
        }
    }

    @Test
    void aMalformedRequestAsksTheAdapterToCloseTheConnection() {
        InMemoryLink link = InMemoryLink.withLls(meter);
        assertInstanceOf(ServerReply.Close.class, link.server.onApdu(new byte[] {0x60, (byte) 0x84, 0x7F, 0x7F, 0x7F, 0x7F}));
    }
}
