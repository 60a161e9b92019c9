package dashboard

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"gongkai"
)

// statusOf maps an error code to the HTTP status a client sees.
func statusOf(code string) int {
	switch code {
	case gongkai.CodeInvalid:
		return http.StatusBadRequest
	case gongkai.CodeNotFound:
		return http.StatusNotFound
	case gongkai.CodeForbidden:
		return http.StatusForbidden
	case gongkai.CodeConflict:
		return http.StatusConflict
	case gongkai.CodeTimeout:
		return http.StatusGatewayTimeout
	case gongkai.CodeBusy, gongkai.CodeUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// echoMessages are the user-facing texts of the errors echo itself raises
// (no route, wrong method, body too large).
var echoMessages = map[int]string{
	http.StatusNotFound:              "页面不存在。",
	http.StatusMethodNotAllowed:      "不支持此请求方法。",
	http.StatusRequestEntityTooLarge: "上传的文件太大。",
	http.StatusBadRequest:            "请求格式不正确。",
	http.StatusUnauthorized:          "请先登录，或在请求中提供有效的 API 令牌（Authorization: Bearer）。",
}

// handleError is the one error handler of the server. Handlers return errors;
// this decides the status, shows users the safe Chinese message of a
// gongkai.Error (a generic one for anything else). The detail is logged once,
// by logRequests, beside the status.
// Requests under /api/ get {"error": "..."}; pages get an HTML error page.
func (h *handler) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		h.log.Error("error after response started", "uri", c.Request().RequestURI, "error", err)
		return
	}
	status, msg := http.StatusInternalServerError, gongkai.ErrorMessage(err)
	var he *echo.HTTPError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		status, msg = http.StatusRequestEntityTooLarge, fmt.Sprintf("上传的文件太大：最多 %d MB。", h.opts.MaxUpload>>20)
	case errors.As(err, &he):
		status = he.Code
		msg = echoMessages[status]
		if msg == "" {
			msg = http.StatusText(status)
		}
	case errors.As(err, new(ownTimeout)):
		status = statusOf(gongkai.ErrorCode(err))
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusGatewayTimeout, "查询超时，请缩小筛选范围后重试。"
	case errors.Is(err, context.Canceled):
		status, msg = 499, "请求已取消。"
	default:
		status = statusOf(gongkai.ErrorCode(err))
	}
	if strings.HasPrefix(c.Request().URL.Path, "/api/") || c.Request().Method == http.MethodHead {
		err = c.JSON(status, map[string]string{"error": msg})
	} else {
		err = h.render(c, status, "error", &page{Title: "出错了", Data: errorPage{Status: status, Message: msg}})
	}
	if err != nil {
		h.log.Error("writing the error response", "error", err)
	}
}

// ownTimeout is a timeout whose gongkai.Error message is what the user
// needs (the SQL sandbox's: its limit, and WHERE or LIMIT to narrow the
// statement), where handleError would otherwise answer the deadline under
// it with the pages' advice to narrow the filters.
type ownTimeout struct{ error }

func (e ownTimeout) Unwrap() error { return e.error }

// errorPage is what templates/error.html shows.
type errorPage struct {
	Status  int
	Message string
}

// notFound is the error for an agency, report or query that does not exist.
func notFound(format string, args ...any) error {
	return gongkai.Errorf(gongkai.CodeNotFound, format, args...)
}

// invalid is the error for bad input the user can correct.
func invalid(format string, args ...any) error {
	return gongkai.Errorf(gongkai.CodeInvalid, format, args...)
}
