# nginx on port 80 in front of the app server (the Procfile's web process on 127.0.0.1:8000);
# worker_processes comes from services.web.params.nginx in config.yml.
package 'nginx'

template '/etc/nginx/nginx.conf' do
  source 'nginx.conf.erb'
  variables(
    worker_processes: node['nginx']['worker_processes'],
    node_name: node['neckbeard']['node']
  )
  notifies :reload, 'service[nginx]'
end

service 'nginx' do
  action [:enable, :start]
end
