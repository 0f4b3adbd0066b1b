# bash completion for sitstretch and sitstretchd (see sitstretch(1)).

_sitstretch() {
  local cur prev words cword
  _init_completion -s || return

  local commands="status done snooze skip pause resume busy free reload side stretch log stats report replay whatif config doctor"
  local command="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      -*) ;;
      *) command=${words[i]}; break ;;
    esac
  done

  case $prev in
    --config | -o | --output) _filedir; return ;;
    --since | --until) COMPREPLY=($(compgen -W "today yesterday" -- "$cur")); return ;;
    --days) return ;;
    --format) COMPREPLY=($(compgen -W "text json waybar" -- "$cur")); return ;;
  esac

  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "$commands -h --help -V --version" -- "$cur"))
    return
  fi
  case $command in
    status) COMPREPLY=($(compgen -W "--json --follow --format" -- "$cur")) ;;
    doctor) COMPREPLY=($(compgen -W "--json" -- "$cur")) ;;
    pause | busy) COMPREPLY=($(compgen -W "15m 30m 1h 2h" -- "$cur")) ;;
    side) COMPREPLY=($(compgen -W "left right even" -- "$cur")) ;;
    stretch) COMPREPLY=($(compgen -W "--notify --config" -- "$cur")) ;;
    log) COMPREPLY=($(compgen -W "--since --until --all --json --csv --trace" -- "$cur")) ;;
    stats) COMPREPLY=($(compgen -W "--days --since --json --csv" -- "$cur")) ;;
    report) COMPREPLY=($(compgen -W "--days -o --open" -- "$cur")) ;;
    whatif)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--days --json" -- "$cur"))
      else
        _filedir toml
      fi
      ;;
    replay)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--config" -- "$cur"))
      else
        _filedir
      fi
      ;;
    config)
      if [[ $prev == config ]]; then
        COMPREPLY=($(compgen -W "check default path" -- "$cur"))
      elif [[ $prev == check ]]; then
        _filedir toml
      fi
      ;;
  esac
}
complete -F _sitstretch sitstretch

_sitstretchd() {
  local cur prev words cword
  _init_completion -s || return
  case $prev in
    --config) _filedir toml; return ;;
    --display) return ;;
  esac
  COMPREPLY=($(compgen -W "--config --display -h --help -V --version" -- "$cur"))
}
complete -F _sitstretchd sitstretchd
