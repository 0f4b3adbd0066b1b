#include "cli/ask_daemon.hpp"

#include "control/control_client.hpp"
#include "control/runtime_dir.hpp"

namespace sitstretch::cli {

Answer ask_daemon(const std::string& request) {
  const auto socket = control::control_socket_path(control::runtime_dir().path);
  auto sent = control::send_request(socket, request, std::chrono::seconds(5));
  Answer answer;
  if (auto* error = std::get_if<control::SendError>(&sent)) {
    answer.error = error->message;
    return answer;
  }
  answer.answered = true;
  answer.line = std::get<std::string>(sent);
  answer.reply = nlohmann::json::parse(answer.line, nullptr, /*allow_exceptions=*/false);
  if (!answer.reply.is_object()) {
    answer.reply = nullptr;
    answer.error = "sitstretchd sent a reply that is not JSON: " + answer.line;
    return answer;
  }
  const auto ok = answer.reply.find("ok");
  answer.ok = ok != answer.reply.end() && ok->is_boolean() && ok->get<bool>();
  const auto error = answer.reply.find("error");
  if (!answer.ok && error != answer.reply.end() && error->is_string()) answer.error = *error;
  return answer;
}

}  // namespace sitstretch::cli
