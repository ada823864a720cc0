package org.adcs.protocol.interop;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.objects.GXDLMSObject;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Gurux's client is transport-less (it makes and parses bytes); this drives it over a plain
 * blocking socket, following block transfers the way the library expects (receiverReady).
 */
final class GuruxClientOverSocket implements AutoCloseable {
    final GXDLMSClient client;
    final List<byte[]> sent = new ArrayList<>();
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    GuruxClientOverSocket(InetSocketAddress address, int clientAddress, int serverAddress, String password) throws Exception {
        client = new GXDLMSClient(true, clientAddress, serverAddress, Authentication.LOW, password, InterfaceType.WRAPPER);
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void associate() throws Exception {
        GXReplyData reply = new GXReplyData();
        for (byte[] request : client.aarqRequest()) {
            reply.clear();
            readDataBlock(request, reply);
        }
        client.parseAareResponse(reply.getData());
    }

    Object read(GXDLMSObject object, int attribute) throws Exception {
        return readAll(client.read(object, attribute), object, attribute);
    }

    Object readAll(byte[][] requests, GXDLMSObject object, int attribute) throws Exception {
        GXReplyData reply = new GXReplyData();
        for (byte[] request : requests) {
            readDataBlock(request, reply);
        }
        if (reply.getError() != 0) {
            throw new IllegalStateException("Gurux reports error " + reply.getError() + ": " + reply.getErrorMessage());
        }
        return client.updateValue(object, attribute, reply.getValue());
    }

    void write(GXDLMSObject object, int attribute) throws Exception {
        GXReplyData reply = new GXReplyData();
        for (byte[] request : client.write(object, attribute)) {
            reply.clear();
            readDataBlock(request, reply);
            if (reply.getError() != 0) {
                throw new IllegalStateException("Gurux reports error " + reply.getError() + ": " + reply.getErrorMessage());
            }
        }
    }

    void release() throws Exception {
        GXReplyData reply = new GXReplyData();
        for (byte[] request : client.releaseRequest()) {
            reply.clear();
            readDataBlock(request, reply);
        }
    }

    private void readDataBlock(byte[] request, GXReplyData reply) throws Exception {
        exchange(request, reply);
        while (reply.isMoreData()) {
            exchange(client.receiverReady(reply), reply);
        }
    }

    private void exchange(byte[] request, GXReplyData reply) throws Exception {
        sent.add(request);
        out.write(request);
        out.flush();
        GXByteBuffer received = new GXByteBuffer();
        GXReplyData notify = new GXReplyData();
        byte[] buffer = new byte[4096];
        do {
            int n = in.read(buffer);
            if (n < 0) {
                throw new EOFException("server closed the connection");
            }
            received.set(buffer, 0, n);
        } while (!client.getData(received, reply, notify));
    }

    @Override
    public void close() throws java.io.IOException {
        socket.close();
    }
}
