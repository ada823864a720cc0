package org.adcs.protocol.apdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.ByteReader;
import org.adcs.protocol.codec.ByteWriter;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.codec.Octets;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;

/** A-XDR encoding of the xDLMS service APDUs: GET, SET, ACTION, DataNotification and errors. */
final class XdlmsCodec {
    private static final int NORMAL = 1;
    private static final int NEXT_OR_BLOCK = 2;
    private static final int WITH_LIST_OR_LAST_BLOCK = 3;
    /** Smallest encoded Cosem-Attribute-Descriptor-With-Selection: class 2 + obis 6 + attr 1 + flag 1. */
    private static final int MIN_ATTRIBUTE_SIZE = 10;

    private XdlmsCodec() {
    }

    // ---- GET ----

    static void encodeGetRequest(GetRequest request, ByteWriter out) {
        out.u8(ApduTag.GET_REQUEST);
        if (request instanceof GetRequest.Normal n) {
            out.u8(NORMAL).u8(n.invokeIdAndPriority());
            writeAttribute(n.attribute(), n.access(), out);
        } else if (request instanceof GetRequest.Next n) {
            out.u8(NEXT_OR_BLOCK).u8(n.invokeIdAndPriority()).i32((int) n.blockNumber());
        } else {
            GetRequest.WithList l = (GetRequest.WithList) request;
            out.u8(WITH_LIST_OR_LAST_BLOCK).u8(l.invokeIdAndPriority()).length(l.attributes().size());
            for (AttributeRequest a : l.attributes()) {
                writeAttribute(a.attribute(), a.access(), out);
            }
        }
    }

    static GetRequest decodeGetRequest(ByteReader in, Limits limits) {
        int type = in.u8("GET-Request type");
        int iip = in.u8("invoke-id-and-priority");
        return switch (type) {
            case NORMAL -> {
                CosemAttribute attribute = readAttribute(in);
                yield new GetRequest.Normal(iip, attribute, readAccess(in, limits));
            }
            case NEXT_OR_BLOCK -> new GetRequest.Next(iip, in.u32("block number"));
            case WITH_LIST_OR_LAST_BLOCK -> {
                int count = in.count("GET with-list count", limits.maxElements(), MIN_ATTRIBUTE_SIZE);
                List<AttributeRequest> attributes = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    CosemAttribute attribute = readAttribute(in);
                    attributes.add(new AttributeRequest(attribute, readAccess(in, limits)));
                }
                yield new GetRequest.WithList(iip, attributes);
            }
            default -> throw ByteReader.badTag("GET-Request type", type);
        };
    }

    static void encodeGetResponse(GetResponse response, ByteWriter out) {
        out.u8(ApduTag.GET_RESPONSE);
        if (response instanceof GetResponse.Normal n) {
            out.u8(NORMAL).u8(n.invokeIdAndPriority());
            writeGetDataResult(n.result(), out);
        } else if (response instanceof GetResponse.WithDataBlock b) {
            out.u8(NEXT_OR_BLOCK).u8(b.invokeIdAndPriority()).u8(b.lastBlock() ? 1 : 0).i32((int) b.blockNumber());
            if (b.result() instanceof GetResponse.RawData raw) {
                out.u8(0).length(raw.bytes().length());
                raw.bytes().writeTo(out);
            } else {
                out.u8(1).u8(((GetResponse.BlockFailure) b.result()).result().code());
            }
        } else {
            GetResponse.WithList l = (GetResponse.WithList) response;
            out.u8(WITH_LIST_OR_LAST_BLOCK).u8(l.invokeIdAndPriority());
            writeGetDataResults(l.results(), out);
        }
    }

    /** The body of a GET with-list response (count and results): what block transfer slices for lists. */
    static void writeGetDataResults(List<GetDataResult> results, ByteWriter out) {
        out.length(results.size());
        for (GetDataResult r : results) {
            writeGetDataResult(r, out);
        }
    }

    static List<GetDataResult> readGetDataResults(ByteReader in, Limits limits) {
        int count = in.count("GET with-list result count", limits.maxElements(), 2);
        List<GetDataResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(readGetDataResult(in, limits));
        }
        return results;
    }

    static GetResponse decodeGetResponse(ByteReader in, Limits limits) {
        int type = in.u8("GET-Response type");
        int iip = in.u8("invoke-id-and-priority");
        return switch (type) {
            case NORMAL -> new GetResponse.Normal(iip, readGetDataResult(in, limits));
            case NEXT_OR_BLOCK -> {
                boolean last = readBoolean(in, "last-block");
                long block = in.u32("block number");
                int choice = in.u8("DataBlock-G result choice");
                GetResponse.BlockResult result = switch (choice) {
                    case 0 -> new GetResponse.RawData(Octets.read(in, "raw-data", in.length("raw-data length", limits.maxApduSize())));
                    case 1 -> new GetResponse.BlockFailure(readDataAccessResult(in));
                    default -> throw ByteReader.badTag("DataBlock-G result", choice);
                };
                yield new GetResponse.WithDataBlock(iip, last, block, result);
            }
            case WITH_LIST_OR_LAST_BLOCK -> new GetResponse.WithList(iip, readGetDataResults(in, limits));
            default -> throw ByteReader.badTag("GET-Response type", type);
        };
    }

    // ---- SET ----

    static void encodeSetRequest(SetRequest request, ByteWriter out) {
        out.u8(ApduTag.SET_REQUEST);
        if (request instanceof SetRequest.Normal n) {
            out.u8(NORMAL).u8(n.invokeIdAndPriority());
            writeAttribute(n.attribute(), n.access(), out);
            AxdrCodec.encode(n.value(), out);
        } else if (request instanceof SetRequest.WithFirstDataBlock f) {
            out.u8(NEXT_OR_BLOCK).u8(f.invokeIdAndPriority());
            writeAttribute(f.attribute(), f.access(), out);
            writeDataBlockSa(f.lastBlock(), f.blockNumber(), f.rawData(), out);
        } else {
            SetRequest.WithDataBlock b = (SetRequest.WithDataBlock) request;
            out.u8(WITH_LIST_OR_LAST_BLOCK).u8(b.invokeIdAndPriority());
            writeDataBlockSa(b.lastBlock(), b.blockNumber(), b.rawData(), out);
        }
    }

    static SetRequest decodeSetRequest(ByteReader in, Limits limits) {
        int type = in.u8("SET-Request type");
        int iip = in.u8("invoke-id-and-priority");
        return switch (type) {
            case NORMAL -> {
                CosemAttribute attribute = readAttribute(in);
                Optional<SelectiveAccess> access = readAccess(in, limits);
                yield new SetRequest.Normal(iip, attribute, access, AxdrCodec.read(in, limits));
            }
            case NEXT_OR_BLOCK -> {
                CosemAttribute attribute = readAttribute(in);
                Optional<SelectiveAccess> access = readAccess(in, limits);
                boolean last = readBoolean(in, "last-block");
                long block = in.u32("block number");
                Octets raw = Octets.read(in, "raw-data", in.length("raw-data length", limits.maxApduSize()));
                yield new SetRequest.WithFirstDataBlock(iip, attribute, access, last, block, raw);
            }
            case WITH_LIST_OR_LAST_BLOCK -> {
                boolean last = readBoolean(in, "last-block");
                long block = in.u32("block number");
                Octets raw = Octets.read(in, "raw-data", in.length("raw-data length", limits.maxApduSize()));
                yield new SetRequest.WithDataBlock(iip, last, block, raw);
            }
            case 4, 5 -> throw ByteReader.unsupported("SET-Request with-list");
            default -> throw ByteReader.badTag("SET-Request type", type);
        };
    }

    static void encodeSetResponse(SetResponse response, ByteWriter out) {
        out.u8(ApduTag.SET_RESPONSE);
        if (response instanceof SetResponse.Normal n) {
            out.u8(NORMAL).u8(n.invokeIdAndPriority()).u8(n.result().code());
        } else if (response instanceof SetResponse.DataBlock b) {
            out.u8(NEXT_OR_BLOCK).u8(b.invokeIdAndPriority()).i32((int) b.blockNumber());
        } else {
            SetResponse.LastDataBlock l = (SetResponse.LastDataBlock) response;
            out.u8(WITH_LIST_OR_LAST_BLOCK).u8(l.invokeIdAndPriority()).u8(l.result().code()).i32((int) l.blockNumber());
        }
    }

    static SetResponse decodeSetResponse(ByteReader in) {
        int type = in.u8("SET-Response type");
        int iip = in.u8("invoke-id-and-priority");
        return switch (type) {
            case NORMAL -> new SetResponse.Normal(iip, readDataAccessResult(in));
            case NEXT_OR_BLOCK -> {
                SetResponse.DataBlock ack = new SetResponse.DataBlock(iip, in.u32("block number"));
                skipZeroPadding(in); // Gurux 4.0.47's server pads this acknowledgement with zero bytes
                yield ack;
            }
            case WITH_LIST_OR_LAST_BLOCK -> {
                DataAccessResult result = readDataAccessResult(in);
                yield new SetResponse.LastDataBlock(iip, result, in.u32("block number"));
            }
            case 4, 5 -> throw ByteReader.unsupported("SET-Response with-list");
            default -> throw ByteReader.badTag("SET-Response type", type);
        };
    }

    // ---- ACTION ----

    static void encodeActionRequest(ActionRequest request, ByteWriter out) {
        out.u8(ApduTag.ACTION_REQUEST).u8(NORMAL).u8(request.invokeIdAndPriority());
        out.u16(request.method().classId()).bytes(request.method().instance().toBytes()).u8(request.method().methodId());
        request.parameters().ifPresentOrElse(p -> AxdrCodec.encode(p, out.u8(1)), () -> out.u8(0));
    }

    static ActionRequest decodeActionRequest(ByteReader in, Limits limits) {
        int type = in.u8("ACTION-Request type");
        if (type != NORMAL) {
            throw type >= 2 && type <= 6 ? ByteReader.unsupported("ACTION-Request type " + type) : ByteReader.badTag("ACTION-Request type", type);
        }
        int iip = in.u8("invoke-id-and-priority");
        int classId = in.u16("class id");
        ObisCode instance = ObisCode.read(in);
        int methodId = (byte) in.u8("method id");
        Optional<DlmsData> parameters = readBoolean(in, "method-invocation-parameters flag")
                ? Optional.of(AxdrCodec.read(in, limits)) : Optional.empty();
        return new ActionRequest(iip, new CosemMethod(classId, instance, methodId), parameters);
    }

    static void encodeActionResponse(ActionResponse response, ByteWriter out) {
        out.u8(ApduTag.ACTION_RESPONSE).u8(NORMAL).u8(response.invokeIdAndPriority()).u8(response.result().code());
        response.returnParameters().ifPresentOrElse(r -> writeGetDataResult(r, out.u8(1)), () -> out.u8(0));
    }

    static ActionResponse decodeActionResponse(ByteReader in, Limits limits) {
        int type = in.u8("ACTION-Response type");
        if (type != NORMAL) {
            throw type >= 2 && type <= 4 ? ByteReader.unsupported("ACTION-Response type " + type) : ByteReader.badTag("ACTION-Response type", type);
        }
        int iip = in.u8("invoke-id-and-priority");
        DataAccessResult result = readDataAccessResult(in);
        Optional<GetDataResult> parameters = readBoolean(in, "return-parameters flag")
                ? Optional.of(readGetDataResult(in, limits)) : Optional.empty();
        return new ActionResponse(iip, result, parameters);
    }

    // ---- DataNotification, ExceptionResponse, ConfirmedServiceError ----

    static void encodeDataNotification(DataNotification notification, ByteWriter out) {
        out.u8(ApduTag.DATA_NOTIFICATION).i32((int) notification.longInvokeIdAndPriority());
        notification.dateTime().ifPresentOrElse(t -> out.u8(12).bytes(t.toBytes()), () -> out.u8(0));
        AxdrCodec.encode(notification.body(), out);
    }

    static DataNotification decodeDataNotification(ByteReader in, Limits limits) {
        long iip = in.u32("long-invoke-id-and-priority");
        int first = in.u8("date-time");
        if (first == 0x09) { // some peers tag the optional date-time as an octet-string
            first = in.u8("date-time length");
        }
        Optional<CosemDateTime> dateTime;
        if (first == 0) {
            dateTime = Optional.empty();
        } else if (first == 12) {
            dateTime = CosemDateTime.fromBytes(in.bytes("date-time", 12));
        } else {
            throw ByteReader.invalid("DataNotification date-time of length " + first);
        }
        return new DataNotification(iip, dateTime, AxdrCodec.read(in, limits));
    }

    static void encodeExceptionResponse(ExceptionResponse response, ByteWriter out) {
        out.u8(ApduTag.EXCEPTION_RESPONSE).u8(response.stateError()).u8(response.serviceError());
    }

    static ExceptionResponse decodeExceptionResponse(ByteReader in) {
        int state = in.u8("state-error");
        int service = in.u8("service-error");
        if (service == 6) {
            in.u32("invocation-counter"); // invocation-counter-error carries the expected counter
        }
        return new ExceptionResponse(state, service);
    }

    static void encodeConfirmedServiceError(ConfirmedServiceError error, ByteWriter out) {
        out.u8(ApduTag.CONFIRMED_SERVICE_ERROR).u8(error.service()).u8(error.errorType()).u8(error.errorValue());
    }

    static ConfirmedServiceError readConfirmedServiceErrorBody(ByteReader in) {
        return new ConfirmedServiceError(in.u8("service"), in.u8("service-error choice"), in.u8("service-error value"));
    }

    // ---- shared pieces ----

    private static void writeAttribute(CosemAttribute attribute, Optional<SelectiveAccess> access, ByteWriter out) {
        out.u16(attribute.classId()).bytes(attribute.instance().toBytes()).u8(attribute.attributeId());
        if (access.isPresent()) {
            out.u8(1).u8(access.get().selector());
            AxdrCodec.encode(access.get().parameters(), out);
        } else {
            out.u8(0);
        }
    }

    private static CosemAttribute readAttribute(ByteReader in) {
        int classId = in.u16("class id");
        ObisCode instance = ObisCode.read(in);
        return new CosemAttribute(classId, instance, (byte) in.u8("attribute id"));
    }

    private static Optional<SelectiveAccess> readAccess(ByteReader in, Limits limits) {
        if (!readBoolean(in, "access-selection flag")) {
            return Optional.empty();
        }
        int selector = in.u8("access selector");
        return Optional.of(new SelectiveAccess(selector, AxdrCodec.read(in, limits)));
    }

    private static void writeGetDataResult(GetDataResult result, ByteWriter out) {
        if (result instanceof GetDataResult.Value v) {
            AxdrCodec.encode(v.data(), out.u8(0));
        } else {
            out.u8(1).u8(((GetDataResult.Failure) result).result().code());
        }
    }

    private static GetDataResult readGetDataResult(ByteReader in, Limits limits) {
        int choice = in.u8("Get-Data-Result choice");
        return switch (choice) {
            case 0 -> new GetDataResult.Value(AxdrCodec.read(in, limits));
            case 1 -> new GetDataResult.Failure(readDataAccessResult(in));
            default -> throw ByteReader.badTag("Get-Data-Result", choice);
        };
    }

    private static void writeDataBlockSa(boolean last, long block, Octets raw, ByteWriter out) {
        out.u8(last ? 1 : 0).i32((int) block).length(raw.length());
        raw.writeTo(out);
    }

    static DataAccessResult readDataAccessResult(ByteReader in) {
        int code = in.u8("data-access-result");
        return DataAccessResult.fromCode(code).orElseThrow(() -> ByteReader.invalid("data-access-result " + code));
    }

    /** Tolerates trailing zero bytes a peer adds; anything else stays an error (trailing bytes). */
    private static void skipZeroPadding(ByteReader in) {
        int start = in.position();
        int count = in.remaining();
        for (int i = 0; i < count; i++) {
            if (in.u8("padding") != 0) {
                in.reset(start);
                return;
            }
        }
    }

    private static boolean readBoolean(ByteReader in, String what) {
        int v = in.u8(what);
        if (v > 1) {
            throw ByteReader.invalid(what + " is " + v);
        }
        return v == 1;
    }
}
