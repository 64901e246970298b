# memcached on every app node, sized by params.memcached.memory_mb (services.memcached.params in config.yml).
package 'memcached'

file '/etc/memcached.conf' do
  content "-m #{node['memcached']['memory_mb']}\n-p 11211\n-u memcache\n-l 0.0.0.0\n"
  mode '0644'
  notifies :restart, 'service[memcached]'
end

service 'memcached' do
  action [:enable, :start]
end
