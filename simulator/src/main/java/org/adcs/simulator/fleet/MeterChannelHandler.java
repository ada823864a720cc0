package org.adcs.simulator.fleet;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import org.adcs.protocol.apdu.Aare;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.netty.DlmsServerHandler;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.simulator.cosem.MeterObjects;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.meter.EventCode;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * A meter's end of one connection. On connect it announces itself (a DataNotification with its
 * logical device name); when the head-end first speaks it builds the meter's object model and hands
 * the frames to meter-protocol's {@link DlmsServerHandler}, so an idle connection holds no model.
 * It also watches the meter's own association answers to log refused ones (R-SCH-8).
 */
final class MeterChannelHandler extends ChannelDuplexHandler {
    private static final byte AARE_TAG = 0x61;
    private final Fleet fleet;
    private final SimulatedMeter meter;
    /**
     * Like a real meter's small buffers: answers longer than this go in blocks (a day's load profile
     * takes several), whatever the head-end proposes, so block transfer and its faults are exercised.
     */
    static final int MAX_SEND_PDU = 1024;
    private boolean serving;

    MeterChannelHandler(Fleet fleet, SimulatedMeter meter) {
        this.fleet = fleet;
        this.meter = meter;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        fleet.onConnected(meter, ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WrapperFrame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (meter.spec().has(Fault.NEVER_ANSWERS)) {
            fleet.stats().faultsInjected.increment();
            return;
        }
        fleet.stats().requestsServed.increment();
        if (!serving) {
            serving = true;
            ServerSettings settings = ServerSettings.withPassword(meter.spec().password(meter.terms()))
                    .withMaxSendPduSize(MAX_SEND_PDU);
            ctx.pipeline().addAfter(ctx.name(), "dlms-server", new DlmsServerHandler(settings,
                    MeterObjects.of(meter, fleet.clock(), fleet.headEndLabel(), fleet), WrapperFrame.LOGICAL_DEVICE, h -> { }));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof WrapperFrame f && f.apdu().length > 0 && f.apdu()[0] == AARE_TAG
                && ApduCodec.decode(f.apdu(), Limits.DEFAULT) instanceof Decoded.Ok<Apdu> ok && ok.value() instanceof Aare aare
                && !aare.accepted()) {
            meter.logEvent(meter.now(fleet.clock().instant()), EventCode.ASSOCIATION_AUTHENTICATION_FAILURE);
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fleet.onDisconnected(meter, ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // I/O trouble ends this connection only; the fleet reconnects
    }
}
