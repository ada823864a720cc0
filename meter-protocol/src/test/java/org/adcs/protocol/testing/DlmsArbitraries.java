package org.adcs.protocol.testing;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.adcs.protocol.apdu.Aare;
import org.adcs.protocol.apdu.Aarq;
import org.adcs.protocol.apdu.ActionRequest;
import org.adcs.protocol.apdu.ActionResponse;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.AttributeRequest;
import org.adcs.protocol.apdu.AuthenticationMechanism;
import org.adcs.protocol.apdu.ConfirmedServiceError;
import org.adcs.protocol.apdu.Conformance;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.CosemMethod;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.apdu.ExceptionResponse;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.GetRequest;
import org.adcs.protocol.apdu.GetResponse;
import org.adcs.protocol.apdu.ReleaseRequest;
import org.adcs.protocol.apdu.ReleaseResponse;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.apdu.SetRequest;
import org.adcs.protocol.apdu.SetResponse;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Octets;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;

/** Generators for every A-XDR type and every APDU, for round-trip properties. */
public final class DlmsArbitraries {
    private DlmsArbitraries() {
    }

    public static Arbitrary<DlmsData> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.just(DlmsData.NullData.INSTANCE),
                Arbitraries.of(true, false).map(DlmsData.BooleanData::new),
                Arbitraries.integers().between(0, 40).flatMap(bits -> bytes((bits + 7) / 8, (bits + 7) / 8)
                        .map(b -> new DlmsData.BitString(bits, b))),
                Arbitraries.integers().map(DlmsData.Int32::new),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(DlmsData.UInt32::new),
                bytes(0, 300).map(DlmsData.OctetString::new),
                Arbitraries.strings().ascii().ofMaxLength(40).map(DlmsData.VisibleString::new),
                Arbitraries.integers().between(-128, 127).map(DlmsData.Int8::new),
                Arbitraries.integers().between(-32768, 32767).map(DlmsData.Int16::new),
                Arbitraries.integers().between(0, 255).map(DlmsData.UInt8::new),
                Arbitraries.integers().between(0, 0xFFFF).map(DlmsData.UInt16::new),
                Arbitraries.longs().map(DlmsData.Int64::new),
                Arbitraries.longs().map(DlmsData.UInt64::new),
                Arbitraries.integers().between(0, 255).map(DlmsData.Enum::new),
                Arbitraries.floats().map(DlmsData.Float32::new),
                Arbitraries.doubles().map(DlmsData.Float64::new),
                bytes(12, 12).map(DlmsData.DateTimeData::new));
    }

    public static Arbitrary<DlmsData> data() {
        return data(3);
    }

    /** Values nested up to {@code depth} arrays/structures deep. */
    static Arbitrary<DlmsData> data(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<DlmsData> inner = data(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar()),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(5).map(l -> (DlmsData) new DlmsData.Array(l))),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(5).map(l -> (DlmsData) new DlmsData.Structure(l))));
    }

    public static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    static Arbitrary<ObisCode> obis() {
        Arbitrary<Integer> group = Arbitraries.integers().between(0, 255);
        return Combinators.combine(group, group, group, group, group, group).as(ObisCode::new);
    }

    static Arbitrary<Integer> iip() {
        return Arbitraries.integers().between(0, 255);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<CosemAttribute> attribute() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), obis(), Arbitraries.integers().between(-128, 127))
                .as(CosemAttribute::new);
    }

    static Arbitrary<Optional<SelectiveAccess>> access() {
        return Combinators.combine(Arbitraries.integers().between(0, 255), data()).as(SelectiveAccess::new).optional();
    }

    static Arbitrary<DataAccessResult> result() {
        return Arbitraries.of(DataAccessResult.class);
    }

    public static Arbitrary<GetDataResult> getDataResult() {
        return Arbitraries.<GetDataResult>oneOf(data().map(d -> (GetDataResult) new GetDataResult.Value(d)),
                result().map(r -> (GetDataResult) new GetDataResult.Failure(r)));
    }

    static Arbitrary<Octets> octets(int max) {
        return bytes(0, max).map(Octets::copyOf);
    }

    static Arbitrary<Conformance> conformance() {
        return Arbitraries.integers().between(0, 0xFF_FFFF).map(Conformance::new);
    }

    static Arbitrary<Aarq> aarq() {
        Arbitrary<Aarq> lls = Combinators.combine(octets(40), conformance(), Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 255)).as((pw, c, max, v) -> new Aarq(AuthenticationMechanism.LOW, Optional.of(pw), c, max, v));
        Arbitrary<Aarq> none = Combinators.combine(conformance(), Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 255)).as((c, max, v) -> new Aarq(AuthenticationMechanism.NONE, Optional.empty(), c, max, v));
        return Arbitraries.oneOf(lls, none);
    }

    static Arbitrary<Aare> aare() {
        Arbitrary<Aare.AareUserInformation> info = Arbitraries.<Aare.AareUserInformation>oneOf(
                Combinators.combine(conformance(), Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 0xFFFF)).as((c, m, v, n) -> (Aare.AareUserInformation) new Aare.InitiateResponse(c, m, v, n)),
                confirmedServiceError().map(e -> (Aare.AareUserInformation) new Aare.InitiateError(e)));
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(0, 255), info).as(Aare::new);
    }

    static Arbitrary<ConfirmedServiceError> confirmedServiceError() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 255);
        return Combinators.combine(u8, u8, u8).as(ConfirmedServiceError::new);
    }

    public static Arbitrary<Apdu> apdu() {
        Arbitrary<OptionalInt> reason = Arbitraries.integers().between(0, 255).optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
        Arbitrary<Boolean> bool = Arbitraries.of(true, false);
        return Arbitraries.oneOf(List.of(
                aarq().map(Apdu.class::cast),
                aare().map(Apdu.class::cast),
                reason.map(ReleaseRequest::new),
                reason.map(ReleaseResponse::new),
                Combinators.combine(iip(), attribute(), access()).as(GetRequest.Normal::new),
                Combinators.combine(iip(), u32()).as(GetRequest.Next::new),
                Combinators.combine(iip(), Combinators.combine(attribute(), access()).as(AttributeRequest::new).list().ofMaxSize(4))
                        .as(GetRequest.WithList::new),
                Combinators.combine(iip(), getDataResult()).as(GetResponse.Normal::new),
                Combinators.combine(iip(), bool, u32(), Arbitraries.<GetResponse.BlockResult>oneOf(
                        octets(200).map(o -> (GetResponse.BlockResult) new GetResponse.RawData(o)),
                        result().map(r -> (GetResponse.BlockResult) new GetResponse.BlockFailure(r)))).as(GetResponse.WithDataBlock::new),
                Combinators.combine(iip(), getDataResult().list().ofMaxSize(4)).as(GetResponse.WithList::new),
                Combinators.combine(iip(), attribute(), access(), data()).as(SetRequest.Normal::new),
                Combinators.combine(iip(), attribute(), access(), bool, u32(), octets(200)).as(SetRequest.WithFirstDataBlock::new),
                Combinators.combine(iip(), bool, u32(), octets(200)).as(SetRequest.WithDataBlock::new),
                Combinators.combine(iip(), result()).as(SetResponse.Normal::new),
                Combinators.combine(iip(), u32()).as(SetResponse.DataBlock::new),
                Combinators.combine(iip(), result(), u32()).as(SetResponse.LastDataBlock::new),
                Combinators.combine(iip(), Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), obis(),
                        Arbitraries.integers().between(-128, 127)).as(CosemMethod::new), data().optional()).as(ActionRequest::new),
                Combinators.combine(iip(), result(), getDataResult().optional()).as(ActionResponse::new),
                Combinators.combine(u32(), bytes(12, 12).map(b -> CosemDateTime.fromBytes(b).orElseThrow()).optional(), data())
                        .as(DataNotification::new),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255))
                        .filter((s, e) -> e != 6).as(ExceptionResponse::new),
                confirmedServiceError().map(Apdu.class::cast)));
    }
}
