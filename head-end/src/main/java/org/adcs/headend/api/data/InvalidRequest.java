package org.adcs.headend.api.data;

import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;

/** Input the data routes refuse, with the problem's status, title and detail. */
final class InvalidRequest extends RuntimeException {

  final StatusCode status;
  final String title;

  InvalidRequest(String title, String detail) {
    this(StatusCodes.BAD_REQUEST, title, detail);
  }

  InvalidRequest(StatusCode status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }
}
