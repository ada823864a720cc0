package org.adcs.protocol.apdu;

import static org.adcs.protocol.codec.ByteWriter.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.DecodeError;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.codec.Octets;
import org.adcs.protocol.cosem.CaptureObject;
import org.adcs.protocol.cosem.ObisCode;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact checks against example frames published with the Green Book and reproduced in the
 * MIT-licensed u9n/dlms-cosem test suite (tests/test_asce, tests/test_xdlms).
 */
class PublishedFramesTest {
    private static Apdu decode(String hexFrame) {
        return ApduCodec.decode(hex(hexFrame), Limits.DEFAULT).orElseThrow();
    }

    private static void assertRoundTrip(String hexFrame, Apdu expected) {
        assertEquals(expected, decode(hexFrame));
        assertArrayEquals(hex(hexFrame), ApduCodec.encode(expected));
    }

    @Test
    void aarqWithLowLevelSecurityMatchesTheGreenBookExample() {
        String frame = "6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738"
                + "BE10040E01000000065F1F0400007E1F04B0";
        Aarq aarq = Aarq.lowLevelSecurity("12345678".getBytes(StandardCharsets.US_ASCII), new Conformance(0x007E1F), 1200);
        assertRoundTrip(frame, aarq);
    }

    @Test
    void aarqWithoutSecurityProposingMaxPduFFFF() {
        assertRoundTrip("601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFF",
                Aarq.noSecurity(new Conformance(0x001E1D), 0xFFFF));
    }

    @Test
    void aarqWithHighLevelMechanismDecodesItsMechanism() {
        Aarq aarq = (Aarq) decode("6036A1090607608574050801018A0207808B0760857405080205AC0A80084B35366956616759"
                + "BE10040E01000000065F1F0400007E1F04B0");
        assertEquals(AuthenticationMechanism.HIGH_GMAC, aarq.mechanism());
    }

    @Test
    void aarqWithCipheredContextIsUnsupportedNotAnException() {
        var result = ApduCodec.decode(hex("6066a109060760857405080103a60a04084D4D4D0000BC614E8a0207808b0760857405080201ac0a8008"
                + "3132333435363738be34043221303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855"),
                Limits.DEFAULT);
        assertInstanceOf(DecodeError.Unsupported.class,
                ((Decoded.Failed<Apdu>) result).error());
    }

    @Test
    void aareAcceptedMatchesTheGreenBookExample() {
        assertRoundTrip("6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000501F01F40007",
                new Aare(0, 1, 0, new Aare.InitiateResponse(new Conformance(0x00501F), 500, 6, 0x0007)));
    }

    @Test
    void aareRejectedForDlmsVersionCarriesAConfirmedServiceError() {
        assertRoundTrip("611FA109060760857405080101A203020101A305A103020101BE0604040E010601",
                new Aare(1, 1, 1, new Aare.InitiateError(new ConfirmedServiceError(1, 6, 1))));
    }

    @Test
    void aareWithProtocolVersionAndResponderFieldsIsAccepted() {
        // the same AARE with protocol-version first, plus responder requirements and mechanism name, as some peers send
        Aare aare = (Aare) decode("614680020780A109060760857405080101A203020100A305A10302010E88020780890760857405080205"
                + "AA0A8008503677524A323146BE10040E0800065F1F040000501F01F40007");
        assertTrue(aare.accepted());
        assertEquals(0x00501F, ((Aare.InitiateResponse) aare.userInformation()).negotiatedConformance().bits());
    }

    @Test
    void jdlmsServerAareWithProtocolVersionAndCipheringContextNameIsAccepted() {
        // captured from jDLMS 1.8.0's server: protocol-version present, context ...0103, plain InitiateResponse
        Aare aare = (Aare) decode("612D80020780A109060760857405080103A203020100A305A103020100BE10040E0800065F1F0400001A1DFFFF0007");
        assertEquals(new Aare(0, 1, 0, new Aare.InitiateResponse(new Conformance(0x001A1D), 0xFFFF, 6, 7)), aare);
    }

    @Test
    void theConformanceBlocksPeersProposeDecode() {
        // as captured in the interop tests: jDLMS 1.8.0 proposes 00FE1D, Gurux 4.0.47 proposes 421E5D, both max PDU FFFF
        Conformance jdlms = ((Aarq) decode("601DA109060760857405080101BE10040E01000000065F1F040000FE1DFFFF")).proposedConformance();
        Conformance gurux = ((Aarq) decode("601DA109060760857405080101BE10040E01000000065F1F040042 1E5DFFFF")).proposedConformance();
        assertTrue(jdlms.has(Conformance.Bit.BLOCK_TRANSFER_WITH_GET_OR_READ) && jdlms.has(Conformance.Bit.SELECTIVE_ACCESS));
        assertTrue(gurux.has(Conformance.Bit.GENERAL_PROTECTION) && gurux.has(Conformance.Bit.ACTION));
        assertEquals(0x005A1D, jdlms.intersect(Conformance.SUPPORTED).bits());
    }

    @Test
    void releaseRequestAndResponseMatchThePublishedFrames() {
        assertRoundTrip("6203800100", ReleaseRequest.NORMAL);
        assertRoundTrip("6303800100", ReleaseResponse.NORMAL);
        assertEquals(new ReleaseResponse(OptionalInt.of(0)), decode("6316800100BE11040F0801000" + "65F1F0400001E1D04C80007"));
        assertEquals(ReleaseRequest.NORMAL, decode("6239800100be34043221303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855"));
    }

    @Test
    void aReleaseResponseWhoseUserInformationLengthIsWrongStillReleases() {
        // as sent by the Gurux 4.0.47 server: BE length 0x0F (and the outer 0x11) one short of the content
        assertEquals(ReleaseResponse.NORMAL, decode("6311800100BE0F040E0800065F1F0400001A1DFFFF0007"));
    }

    @Test
    void aSetBlockAcknowledgementPaddedWithZeroBytesIsAccepted() {
        // as sent by the Gurux 4.0.47 server; non-zero trailing bytes stay an error
        assertEquals(new SetResponse.DataBlock(0xC1, 1), decode("C502C100000001000000"));
        assertInstanceOf(DecodeError.TrailingBytes.class,
                ((Decoded.Failed<Apdu>) ApduCodec.decode(hex("C502C100000001000001"), Limits.DEFAULT)).error());
    }

    @Test
    void getRequestsMatchThePublishedFrames() {
        assertRoundTrip("C001C100010000" + "2B0100FF0200",
                new GetRequest.Normal(0xC1, new CosemAttribute(1, new ObisCode(0, 0, 43, 1, 0, 255), 2), Optional.empty()));
        assertRoundTrip("C002C100000001", new GetRequest.Next(0xC1, 1));
        assertRoundTrip("C003C10200010000" + "2A0000FF0200" + "0008" + "0000010000FF0200",
                new GetRequest.WithList(0xC1, List.of(
                        AttributeRequest.of(new CosemAttribute(1, ObisCode.LOGICAL_DEVICE_NAME, 2)),
                        AttributeRequest.of(new CosemAttribute(8, ObisCode.CLOCK, 2)))));
    }

    @Test
    void getResponsesMatchThePublishedFrames() {
        assertRoundTrip("C401C1000600001391", new GetResponse.Normal(0xC1, new GetDataResult.Value(new DlmsData.UInt32(5009))));
        assertRoundTrip("C401C10101", new GetResponse.Normal(0xC1, new GetDataResult.Failure(DataAccessResult.HARDWARE_FAULT)));
    }

    @Test
    void getRequestWithRangeDescriptorMatchesThePublishedFrame() {
        String frame = "C001C100070100630100FF0201010204020412000809060000010000FF0F02120000"
                + "090C07E10A0107000000" + "00FFC480" + "090C07E10A0107010000" + "00FFC480" + "0100";
        GetRequest.Normal request = (GetRequest.Normal) decode(frame);
        assertEquals(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2), request.attribute());
        SelectiveAccess access = request.access().orElseThrow();
        assertEquals(1, access.selector());
        DlmsData.Structure range = (DlmsData.Structure) access.parameters();
        assertEquals(Optional.of(CaptureObject.CLOCK_TIME), CaptureObject.fromData(range.elements().get(0)));
        assertArrayEquals(hex(frame), ApduCodec.encode(request));
    }

    @Test
    void dataNotificationMatchesThePublishedFrame() {
        String frame = "0F000001DB00" + "0922125A8591360000000049000000110000000A5A8513D014800000000D0000000A0100";
        DataNotification notification = (DataNotification) decode(frame);
        assertEquals(0x1DB, notification.longInvokeIdAndPriority());
        assertEquals(Optional.empty(), notification.dateTime());
        assertEquals(34, ((DlmsData.OctetString) notification.body()).length());
        assertArrayEquals(hex(frame), ApduCodec.encode(notification));
    }

    @Test
    void captureObjectDefinitionMatchesThePublishedEncoding() {
        assertArrayEquals(hex("020412000809060000010000FF0F02120000"), AxdrCodec.encode(CaptureObject.CLOCK_TIME.toData()));
    }

    @Test
    void passwordsAreKeptAsOctets() {
        Aarq aarq = (Aarq) decode("6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738"
                + "BE10040E01000000065F1F0400007E1F04B0");
        assertEquals(Optional.of(Octets.copyOf("12345678".getBytes(StandardCharsets.US_ASCII))), aarq.password());
    }
}
