# Fixture recipe: only its presence in the bundle is tested.
log "app-server for #{node['neckbeard']['node']}"
