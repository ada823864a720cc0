package org.adcs.headend.session;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import org.adcs.protocol.netty.WrapperFrameDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has sent part of a frame and then nothing for the timeout: it would
 * otherwise hold its buffer and its socket for ever. A connected meter idle between frames is kept.
 */
final class PartialFrameGuard extends ChannelDuplexHandler {

  private static final Logger log = LoggerFactory.getLogger(PartialFrameGuard.class);

  private final WrapperFrameDecoder decoder;
  private final Duration timeout;

  PartialFrameGuard(WrapperFrameDecoder decoder, Duration timeout) {
    this.decoder = decoder;
    this.timeout = timeout;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE && decoder.holdsPartialFrame()) {
      log.warn("connection from {} stopped in the middle of a frame for {} s; closing it", ctx.channel().remoteAddress(),
          timeout.toSeconds());
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, event);
  }
}
